package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;

/** A zip of image folders, one folder per class (optionally under train/val/test folders). */
final class ImageFolderZipFormat implements DatasetFormat {

    @Override
    public String id() {
        return "image-zip";
    }

    @Override
    public List<String> extensions() {
        return List.of("zip");
    }

    @Override
    public Modality modality() {
        return Modality.IMAGING;
    }

    @Override
    public DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException {
        return ImageFolderZipScanner.scan(source, options, context);
    }

    @Override
    public void read(
            Path folder, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException {
        imageZip(source(folder), summary, splits, wanted, maxUnpacked, sink);
    }

    private static void imageZip(
            Path file, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException {
        var imaging = summary.imaging();
        try (var zip = SafeZip.open(file, file.getFileName().toString(), maxUnpacked)) {
            var items = ImageFolderZipScanner.items(zip, file.getFileName().toString());
            for (int i = 0; i < items.size(); i++) {
                if (!wanted.contains(Split.ofCode(splits[i]))) {
                    continue;
                }
                var image = ImageFolderZipScanner.decode(
                        zip, items.get(i).entry(), file.getFileName().toString());
                var pixels = ImageFolderZipScanner.pixels(image, imaging.channels());
                sink.accept(new Example(
                        ExampleReader.channelFirst(pixels, imaging.height(), imaging.width(), imaging.channels()),
                        summary.classes().indexOf(items.get(i).label())));
            }
        }
    }
}
