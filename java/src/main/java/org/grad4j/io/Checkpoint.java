package org.grad4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.nn.Module;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.OptimizerState;
import org.grad4j.tensor.Tensor;

/**
 * A training checkpoint in one safetensors file: named sections of tensors (a model's state
 * dict under "model.", an optimizer's state under "optimizer.") and free-form metadata such as
 * the epoch. Saving is atomic; loading checks the file as {@link Safetensors#load} does.
 *
 * <pre>{@code
 * Checkpoint.builder().model("model", model).optimizer("optimizer", opt).metadata("epoch", "3").save(path);
 * Checkpoint c = Checkpoint.load(path);
 * c.loadModel("model", model);
 * c.loadOptimizer("optimizer", opt);
 * int epoch = Integer.parseInt(c.metadata().get("epoch"));
 * }</pre>
 */
public final class Checkpoint {
    private final Map<String, Tensor> tensors;
    private final Map<String, String> metadata;

    private Checkpoint(Map<String, Tensor> tensors, Map<String, String> metadata) {
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /**
     * Starts a checkpoint, as building the dict that {@code torch.save} writes.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a checkpoint, as {@code torch.load}, checking the file as {@link Safetensors#load} does.
     *
     * @param file the safetensors file
     * @return the checkpoint's sections and metadata
     * @throws IOException if the file cannot be read
     * @throws SafetensorsException if the file is not valid safetensors
     */
    public static Checkpoint load(Path file) throws IOException {
        Safetensors.Contents contents = Safetensors.load(file);
        return new Checkpoint(contents.tensors(), contents.metadata());
    }

    /**
     * The tensors saved under {@code section}, with the section prefix removed.
     *
     * @param section the section name, e.g. {@code "model"}
     * @return a new map, empty when the section is absent
     */
    public Map<String, Tensor> section(String section) {
        return strip(tensors, section);
    }

    /**
     * Every metadata entry, sections' included (as "section.key").
     *
     * @return the metadata as read from the file
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Loads a section into a module, strictly (missing or unexpected keys are an error), as
     * {@code model.load_state_dict(checkpoint[section])}.
     *
     * @param section the section the model was saved under
     * @param model the module to fill
     * @throws IllegalArgumentException if a key is missing or unexpected, or a shape differs
     */
    public void loadModel(String section, Module model) {
        model.loadStateDict(section(section));
    }

    /**
     * Loads a section saved with {@link Builder#optimizer} into an optimizer, as
     * {@code optimizer.load_state_dict(checkpoint[section])}.
     *
     * @param section the section the optimizer was saved under
     * @param optimizer the optimizer to fill
     * @throws IllegalArgumentException if the saved state does not fit the optimizer
     */
    public void loadOptimizer(String section, Optimizer optimizer) {
        optimizer.loadStateDict(new OptimizerState(section(section), strip(metadata, section)));
    }

    private static <V> Map<String, V> strip(Map<String, V> map, String section) {
        String prefix = section + ".";
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** Collects sections and metadata, then writes them in one atomic save. */
    public static final class Builder {
        private final Map<String, Tensor> tensors = new LinkedHashMap<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds tensors under "section.", e.g. a state dict.
         *
         * @param section the section name
         * @param sectionTensors the tensors by name
         * @return this builder
         * @throws IllegalArgumentException if a resulting key was added before
         */
        public Builder put(String section, Map<String, Tensor> sectionTensors) {
            sectionTensors.forEach((k, v) -> add(tensors, section + "." + k, v));
            return this;
        }

        /**
         * Adds a module's state dict under "section.", as {@code checkpoint[section] = model.state_dict()}.
         *
         * @param section the section name, e.g. {@code "model"}
         * @param model the module to save
         * @return this builder
         * @throws IllegalArgumentException if a resulting key was added before
         */
        public Builder model(String section, Module model) {
            return put(section, model.stateDict());
        }

        /**
         * Adds an optimizer's state under "section.": its buffers as tensors, its param groups' options
         * as metadata; as {@code checkpoint[section] = optimizer.state_dict()}.
         *
         * @param section the section name, e.g. {@code "optimizer"}
         * @param optimizer the optimizer to save
         * @return this builder
         * @throws IllegalArgumentException if a resulting key was added before
         */
        public Builder optimizer(String section, Optimizer optimizer) {
            OptimizerState state = optimizer.stateDict();
            put(section, state.tensors());
            state.values().forEach((k, v) -> add(metadata, section + "." + k, v));
            return this;
        }

        /**
         * Adds one metadata entry, such as the epoch.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the key was added before
         */
        public Builder metadata(String key, String value) {
            add(metadata, key, value);
            return this;
        }

        /**
         * Writes everything added to one safetensors file, atomically, as {@code torch.save}.
         *
         * @param file the file to write; its directory is created if needed
         * @throws IOException if the file cannot be written
         */
        public void save(Path file) throws IOException {
            Safetensors.save(file, tensors, metadata);
        }

        private static <V> void add(Map<String, V> map, String key, V value) {
            if (map.put(key, value) != null) {
                throw new IllegalArgumentException("Checkpoint: '" + key + "' is added twice");
            }
        }
    }
}
