package org.deeprounds.models.api;

import java.util.List;
import org.deeprounds.models.Templates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/templates}: the starting designs, with their modality and description. */
@RestController
class TemplatesController {

    @GetMapping("/api/v1/templates")
    List<Templates.Template> templates() {
        return Templates.ALL;
    }
}
