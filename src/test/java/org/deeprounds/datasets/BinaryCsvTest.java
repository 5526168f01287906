package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.Modality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** A binary file uploaded as CSV is refused naming the file and the encoding problem, not "Input length = 1". */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class BinaryCsvTest {

    @Autowired
    DatasetService datasets;

    @Test
    void a_png_uploaded_as_a_table_names_the_file_and_the_encoding() {
        var request = new DatasetService.ImportRequest(
                "Table", null, "y", null, List.of(), null, List.of(), null, null, null);
        assertRefusedAsNotText(request, "patients.csv", Fixtures.png(16, 3));
    }

    @Test
    void windows_1252_text_as_a_sequence_table_names_the_file_and_the_encoding() {
        var request = new DatasetService.ImportRequest(
                "Sequences", Modality.GENOMICS, null, null, List.of(), "yes", List.of(), 12, null, null);
        // "café" in Windows-1252: the é is the single byte 0xE9, which is not UTF-8.
        var bytes = "id,sequence,label\nr1,ACGT,yes\nr2,ACGT,caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertRefusedAsNotText(request, "seqs.csv", bytes);
    }

    private void assertRefusedAsNotText(DatasetService.ImportRequest request, String fileName, byte[] content) {
        assertThatThrownBy(() -> datasets.importUpload(request, DatasetImportTest.upload(fileName, content), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContainingAll(fileName, "not a text file in UTF-8")
                .hasMessageNotContaining("Input length");
    }
}
