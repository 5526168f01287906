package org.deeprounds.insight;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.VertxInternal;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.deeplearning4j.ui.VertxUIServer;

/**
 * DL4J's UI server, bound to the loopback interface. {@link VertxUIServer} listens on every interface and offers no
 * host setting, so this subclass hands it a Vert.x whose HTTP servers listen on 127.0.0.1 and the configured port,
 * whatever DL4J asks for. Its start makes DL4J's upload folder in {@link UiTempFolder} instead of the system temp
 * folder. Everything else (routes, modules, session handling) is DL4J's own.
 */
final class LoopbackUiServer extends VertxUIServer {

    static final String LOOPBACK = "127.0.0.1";

    private final int port;
    private final UiTempFolder tempFolder;

    LoopbackUiServer(int port, UiTempFolder tempFolder) {
        this.port = port;
        this.tempFolder = tempFolder;
    }

    @Override
    public void start(Promise<Void> started) throws Exception {
        tempFolder.whileStarting(() -> {
            super.start(started);
            return null;
        });
    }

    @Override
    public void init(Vertx vertx, Context context) {
        super.init(loopbackOnly(vertx, port), context);
    }

    static Vertx loopbackOnly(Vertx vertx, int port) {
        return (Vertx) Proxy.newProxyInstance(
                LoopbackUiServer.class.getClassLoader(),
                new Class<?>[] {VertxInternal.class},
                (proxy, method, args) -> {
                    Object result = call(vertx, method, args);
                    return result instanceof HttpServer server ? loopbackOnly(server, port) : result;
                });
    }

    private static HttpServer loopbackOnly(HttpServer server, int port) {
        return (HttpServer) Proxy.newProxyInstance(
                LoopbackUiServer.class.getClassLoader(), new Class<?>[] {HttpServer.class}, new InvocationHandler() {
                    @Override
                    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                        if (method.getName().equals("listen")) {
                            Handler<?> handler = null;
                            for (var arg : args == null ? new Object[0] : args) {
                                if (arg instanceof Handler<?> h) {
                                    handler = h;
                                }
                            }
                            listen(server, port, handler);
                            return proxy;
                        }
                        Object result = call(server, method, args);
                        return result == server ? proxy : result;
                    }
                });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void listen(HttpServer server, int port, Handler handler) {
        if (handler == null) {
            server.listen(port, LOOPBACK);
        } else {
            server.listen(port, LOOPBACK, handler);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
