package org.deeprounds.system.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.deeprounds.base.ByteSize;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.system.SystemReport;
import org.deeprounds.training.TrainingCapacity;

/**
 * Administrators see the compute backend (CPU or CUDA), devices, threads, versions and storage here, and the nodes of
 * the installation with the training queue.
 */
@Route("admin/system")
@PageTitle("System")
@Menu(title = "System", order = 95, icon = "vaadin:server")
@RolesAllowed(AppRoles.ADMIN)
public class SystemView extends VerticalLayout {

    public SystemView(SystemReport report, TrainingCapacity capacity) {
        var host = report.host();
        var backend = report.backend();
        var compute = new FormLayout();
        compute.setId("compute");
        item(compute, "Backend", backend.gpu() ? backend.backend() + " (GPU)" : backend.backend());
        item(
                compute,
                "Devices",
                backend.devices().isEmpty()
                        ? "CPU only"
                        : backend.devices().stream()
                                .map(d -> d.name() + ", " + ByteSize.format(d.totalMemoryBytes()) + " total, "
                                        + ByteSize.format(d.freeMemoryBytes()) + " free")
                                .collect(Collectors.joining("; ")));
        item(compute, "Native build", backend.nativeBuild());
        if (!backend.gpuMessage().isEmpty()) {
            // Why a GPU that is there (or was expected) is not used, e.g. one newer than DL4J's CUDA build.
            item(compute, "GPU", backend.gpuMessage());
        }
        item(compute, "CPU cores", String.valueOf(backend.cores()));
        item(compute, "BLAS", backend.blasVendor() + ", " + backend.blasThreads() + " thread(s)");
        item(compute, "OpenMP threads", String.valueOf(backend.ompThreads()));
        item(compute, "Default data type", backend.dataType());

        var software = new FormLayout();
        item(software, "DeepRounds", host.deepRoundsVersion());
        item(software, "Deeplearning4j / ND4J", backend.dl4jVersion());
        item(software, "Java", host.javaVersion() + " (" + host.javaVendor() + ")");
        item(software, "Operating system", host.os());
        item(software, "JVM processors", String.valueOf(host.availableProcessors()));
        item(
                software,
                "Heap",
                ByteSize.format(host.usedHeapBytes()) + " used of " + ByteSize.format(host.maxHeapBytes()));

        var storage = new FormLayout();
        item(storage, "Data directory", host.dataDir().toString());
        item(storage, "Used by DeepRounds", ByteSize.format(host.dataDirBytes()));
        item(storage, "Free on that disk", ByteSize.format(host.freeDiskBytes()));

        add(new H2("Compute"), compute, new H2("Software"), software, new H2("Storage"), storage);
        add(new H2("Nodes and queue"));
        add(new NodesPanel(capacity.status()));
    }

    private static void item(FormLayout form, String label, String value) {
        form.addFormItem(new Span(value), label);
    }
}
