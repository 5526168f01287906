package org.deeprounds.curriculum.api;

import java.io.IOException;
import java.nio.file.Files;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Images of a course, for its lessons: only files under the course's {@code images/} folder, to signed-in users. */
@RestController
class CurriculumFilesController {

    private final CurriculumLibrary library;

    CurriculumFilesController(CurriculumLibrary library) {
        this.library = library;
    }

    @GetMapping("/curricula-files/{course:[a-z0-9-]+}/images/{file:[A-Za-z0-9._-]+}")
    ResponseEntity<byte[]> image(@PathVariable String course, @PathVariable String file) throws IOException {
        var folder = library.dir().resolve(course).resolve("images").normalize();
        var path = folder.resolve(file).normalize();
        if (!path.startsWith(folder)
                || !Files.isRegularFile(path)
                || library.find(course).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var type = MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (!type.getType().equals("image")) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(Files.readAllBytes(path));
    }
}
