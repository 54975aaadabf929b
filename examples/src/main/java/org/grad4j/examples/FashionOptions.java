package org.grad4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.grad4j.data.Dataset;
import org.grad4j.data.Subset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --data DIR --limit N}: where the Fashion-MNIST examples read it from, and how much of it they train on. */
public final class FashionOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            converter = Folder.class,
            description = "folder holding Fashion-MNIST's four files (default: the cache"
                    + " ~/.grad4j/datasets/fashion-mnist, then /usr/share/datasets/fashion-mnist, then a"
                    + " download, then the subset in this jar)")
    private Path data;

    @Option(
            names = "--limit",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "train on the first N images only (default: all)")
    private Integer limit;

    /** Loads Fashion-MNIST as {@link FashionData#load(Path)} does, printing where it came from. */
    public FashionData.Split load() {
        return FashionData.load(data);
    }

    /** Loads Fashion-MNIST as {@link FashionData#loadStandardized(Path)} does, printing where it came from. */
    public FashionData.Split loadStandardized() {
        return FashionData.loadStandardized(data);
    }

    /** The first {@code --limit} samples of {@code train}, or all of them. */
    public Dataset limited(Dataset train) {
        if (limit == null || limit >= train.size()) {
            return train;
        }
        return new Subset(train, IntStream.range(0, limit).toArray());
    }

    /** Accepts a folder that holds the four files; else names what is missing. */
    static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path dir = Path.of(value);
            if (!Files.isDirectory(dir)) {
                throw new TypeConversionException("'" + value + "' is not a directory");
            }
            List<String> missing = FashionData.missing(dir);
            if (!missing.isEmpty()) {
                throw new TypeConversionException("'" + value + "' does not hold Fashion-MNIST: it lacks "
                        + String.join(", ", missing) + " (compressed or not)");
            }
            return dir;
        }
    }
}
