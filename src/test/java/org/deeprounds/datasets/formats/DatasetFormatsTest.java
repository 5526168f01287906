package org.deeprounds.datasets.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.Modality;
import org.junit.jupiter.api.Test;

/**
 * Formats are registered in one place and chosen by id: every format class is registered, ids are unique, an unknown
 * stored id is an error (never read as something else), uploads are matched by extension and modality with the same
 * messages as before, and datasets stored before ids existed get theirs from the display name they were stored with.
 */
class DatasetFormatsTest {

    @Test
    void every_format_class_is_registered_once_with_its_own_id() {
        var registered = DatasetFormats.ALL.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(registered).containsExactlyInAnyOrder(DatasetFormat.class.getPermittedSubclasses());
        assertThat(DatasetFormats.ALL.stream().map(DatasetFormat::id).distinct())
                .hasSize(DatasetFormats.ALL.size());
        DatasetFormats.ALL.forEach(f -> assertThat(DatasetFormats.byId(f.id())).isSameAs(f));
    }

    @Test
    void an_unknown_stored_id_is_an_error_never_a_default() {
        assertThatThrownBy(() -> DatasetFormats.byId("dicom-zip"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("'dicom-zip'")
                .hasMessageContaining("cannot read");
    }

    @Test
    void uploads_are_matched_by_extension_and_the_modality_asked_for() {
        assertThat(DatasetFormats.forUpload("chest.npz", null).id()).isEqualTo("medmnist-npz");
        assertThat(DatasetFormats.forUpload("films.ZIP", null).id()).isEqualTo("image-zip");
        assertThat(DatasetFormats.forUpload("promoters.fa", null).id()).isEqualTo("fasta");
        assertThat(DatasetFormats.forUpload("wdbc.csv", null).id()).isEqualTo("table-csv");
        assertThat(DatasetFormats.forUpload("wdbc.csv", Modality.EHR).id()).isEqualTo("table-csv");
        assertThat(DatasetFormats.forUpload("sites.csv", Modality.GENOMICS).id())
                .isEqualTo("sequence-csv");
        assertThatThrownBy(() -> DatasetFormats.forUpload("notes.txt", null))
                .hasMessage("notes.txt: unsupported file type '.txt'; expected .npz (MedMNIST images or signals), .zip"
                        + " (image folders or WFDB records), .fasta/.fa (DNA) or .csv (table or sequences)");
        assertThat(DatasetFormats.forUpload("beats.npz", Modality.SIGNAL).id()).isEqualTo("signal-npz");
        assertThat(DatasetFormats.forUpload("mitdb.zip", Modality.SIGNAL).id()).isEqualTo("wfdb-zip");
        assertThatThrownBy(() -> DatasetFormats.forUpload("wdbc.csv", Modality.IMAGING))
                .hasMessage("modality: a .csv file (wdbc.csv) cannot hold IMAGING data; it holds [EHR, GENOMICS]");
        assertThatThrownBy(() -> DatasetFormats.forUpload("films.zip", Modality.EHR))
                .hasMessage("modality: a .zip file (films.zip) cannot hold EHR data; it holds [IMAGING, SIGNAL]");
    }

    @Test
    void datasets_stored_before_format_ids_get_theirs_from_the_name_they_were_stored_with() throws Exception {
        var url = "jdbc:h2:mem:formats-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        var migrations = java.nio.file.Path.of("src", "main", "resources", "db", "migration");
        var before = new java.util.ArrayList<java.nio.file.Path>();
        java.nio.file.Path v17 = null;
        try (var files = java.nio.file.Files.list(migrations)) {
            for (var file : files.toList()) {
                int version = Integer.parseInt(file.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
                if (version < 17) {
                    before.add(file);
                } else if (version == 17) {
                    v17 = file;
                }
            }
        }
        before.sort(java.util.Comparator.comparingInt(
                f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))));
        var stored = new LinkedHashMap<String, String>();
        stored.put("MedMNIST npz", "medmnist-npz");
        stored.put("zip of image folders", "image-zip");
        stored.put("CSV table", "table-csv");
        stored.put("CSV with sequence column", "sequence-csv");
        stored.put("FASTA", "fasta");
        stored.put("FASTA + labels CSV", "fasta");
        try (var db = DriverManager.getConnection(url, "sa", "")) {
            for (var file : before) {
                org.h2.tools.RunScript.execute(db, java.nio.file.Files.newBufferedReader(file));
            }
            int n = 0;
            for (var format : stored.keySet()) {
                try (var insert = db.createStatement()) {
                    insert.executeUpdate("insert into dataset (name, modality, task, created_by, storage_key,"
                            + " file_name, size_bytes, sha256, licence, provenance, summary_json, created_at) values"
                            + " ('d" + n + "', 'EHR', 'BINARY', 'admin', 'key-" + n + "', 'f', 1, 'x', 'l', 'p',"
                            + " '{\"modality\":\"EHR\",\"task\":\"BINARY\",\"format\":\"" + format + "\"}',"
                            + " current_timestamp)");
                    n++;
                }
            }
            org.h2.tools.RunScript.execute(db, java.nio.file.Files.newBufferedReader(v17));
            var ids = new java.util.ArrayList<String>();
            try (var rows = db.createStatement().executeQuery("select format_id from dataset order by id")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            assertThat(ids).containsExactlyElementsOf(stored.values());
            ids.forEach(id -> assertThat(Arrays.asList(
                            DatasetFormats.ALL.stream().map(DatasetFormat::id).toArray()))
                    .contains(id));
        }
    }
}
