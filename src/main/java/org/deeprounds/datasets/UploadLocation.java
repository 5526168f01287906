package org.deeprounds.datasets;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart uploads are written into the library's own uploads folder instead of the servlet container's temporary
 * folder: the data directory is often a volume of its own (the Docker image mounts one), and from there an import can
 * rename the part into place instead of copying it, so a 200 MB upload is not held twice on disk. The limits stay as
 * {@code spring.servlet.multipart.*} sets them.
 */
@Configuration(proxyBeanMethods = false)
class UploadLocation {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties properties, DatasetStorage storage) {
        var factory = new MultipartConfigFactory();
        factory.setLocation(storage.uploadsFolder().toString());
        factory.setMaxFileSize(properties.getMaxFileSize());
        factory.setMaxRequestSize(properties.getMaxRequestSize());
        factory.setFileSizeThreshold(properties.getFileSizeThreshold());
        return factory.createMultipartConfig();
    }
}
