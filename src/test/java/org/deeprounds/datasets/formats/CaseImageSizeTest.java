package org.deeprounds.datasets.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Modality;
import org.junit.jupiter.api.Test;

/**
 * "Try a case" reads the size an uploaded image declares before decoding it: a small file claiming 45000x45000
 * pixels is refused at once with the size in the message, instead of being decoded into gigabytes of heap.
 */
class CaseImageSizeTest {

    static final DatasetSummary FILMS = new DatasetSummary(
            Modality.IMAGING,
            null,
            "MedMNIST npz",
            List.of("0", "1"),
            null,
            Map.of(),
            null,
            new DatasetSummary.ImagingSummary(28, 28, 1, Map.of(), List.of()),
            null,
            null);

    @Test
    void a_png_declaring_a_huge_size_is_refused_from_its_header() throws Exception {
        var png = pngDeclaring(45_000, 45_000);
        long started = System.nanoTime();
        var calls = List.of(
                CompletableFuture.runAsync(() -> refusedAsHuge(png, "45000x45000")),
                CompletableFuture.runAsync(() -> refusedAsHuge(png, "45000x45000")),
                CompletableFuture.runAsync(() -> refusedAsHuge(png, "45000x45000")),
                CompletableFuture.runAsync(() -> refusedAsHuge(png, "45000x45000")));
        for (var call : calls) {
            call.get();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_jpeg_declaring_a_huge_size_is_refused_from_its_header() throws Exception {
        refusedAsHuge(jpegDeclaring(40_000, 30_000), "40000x30000");
    }

    @Test
    void an_image_of_a_normal_size_is_still_encoded() throws Exception {
        var features = CaseEncoder.image(FILMS, encode(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "png"));
        assertThat(features).hasSize(28 * 28);
    }

    @Test
    void bytes_that_are_no_image_are_refused() {
        assertThatThrownBy(() -> CaseEncoder.image(FILMS, new byte[] {1, 2, 3}))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("not a readable PNG or JPEG");
    }

    private static void refusedAsHuge(byte[] file, String size) {
        assertThatThrownBy(() -> CaseEncoder.image(FILMS, file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContainingAll(size, "at most " + ImageFolderZipScanner.MAX_SIDE);
    }

    /** A valid small grey PNG whose IHDR chunk is rewritten to declare {@code width x height} (CRC fixed). */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        var png = encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png");
        var buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height);
        var crc = new CRC32();
        crc.update(png, 12, 17); // chunk type and data of IHDR
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A valid small JPEG whose SOF0 frame header is rewritten to declare {@code width x height}. */
    static byte[] jpegDeclaring(int width, int height) throws IOException {
        var jpeg = encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "jpg");
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(jpeg).putShort(i + 5, (short) height).putShort(i + 7, (short) width);
                return jpeg;
            }
        }
        throw new AssertionError("no SOF0 marker in the test JPEG");
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
