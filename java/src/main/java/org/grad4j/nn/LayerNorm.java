package org.grad4j.nn;

import java.util.Arrays;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Tensor;

/**
 * Layer normalization over the last dims, like {@code torch.nn.LayerNorm}:
 * y = (x − E[x]) / sqrt(Var[x] + eps) · weight + bias, with the mean and the biased variance
 * taken over the trailing {@code normalizedShape} dims of each sample, in training and eval alike.
 *
 * <p>Traced, the layer is a region {@code "layerNorm"} (normalizedShape, eps, elementwiseAffine;
 * inputs: the input, then weight and bias), so exporters write it as one operator.
 *
 * <p>Shape: input [*, normalizedShape...]; output as input. Weight (ones) and bias (zeros) have
 * shape normalizedShape when elementwiseAffine. Defaults: eps 1e-5, elementwiseAffine true.
 * See https://pytorch.org/docs/stable/generated/torch.nn.LayerNorm.html
 *
 * <pre>{@code
 * LayerNorm ln = new LayerNorm(10);
 * ln.forward(Tensor.randn(4, 7, 10)).shape();   // [4, 7, 10]
 * ln.toString();   // LayerNorm((10,), eps=1e-05, elementwise_affine=True)
 * }</pre>
 */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;
    /** The learnable scale, of shape normalizedShape and starting at 1; null unless elementwiseAffine. */
    public final Parameter weight;
    /** The learnable shift, of shape normalizedShape and starting at 0; null unless elementwiseAffine. */
    public final Parameter bias;

    /**
     * Normalization over the last dim, with eps 1e-5 and a weight and bias, as
     * {@code torch.nn.LayerNorm(normalized_shape)}.
     *
     * @param normalizedShape the size of the last dim, &gt; 0
     * @throws IllegalArgumentException if the size is not positive
     */
    public LayerNorm(int normalizedShape) {
        this(new int[] {normalizedShape});
    }

    /**
     * Normalization over the trailing dims, with eps 1e-5 and a weight and bias, as
     * {@code torch.nn.LayerNorm(normalized_shape)} with a tuple.
     *
     * @param normalizedShape the sizes of the trailing dims, each &gt; 0
     * @throws IllegalArgumentException if the shape is null, empty or has a size that is not positive
     */
    public LayerNorm(int[] normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /**
     * Normalization over the trailing dims, as {@code torch.nn.LayerNorm(normalized_shape, eps,
     * elementwise_affine)}.
     *
     * @param normalizedShape the sizes of the trailing dims, each &gt; 0
     * @param eps the value added to the variance, finite and &ge; 0
     * @param elementwiseAffine whether to learn a weight and bias
     * @throws IllegalArgumentException if the shape is null, empty or has a size that is not positive, or
     *     {@code eps} is out of range
     */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape == null
                || normalizedShape.length == 0
                || Arrays.stream(normalizedShape).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("LayerNorm: normalizedShape must be a non-empty list of sizes > 0, got "
                    + Arrays.toString(normalizedShape));
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("LayerNorm: eps must be finite and >= 0, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        this.weight =
                registerParameter("weight", elementwiseAffine ? new Parameter(Tensor.ones(normalizedShape)) : null);
        this.bias = registerParameter("bias", elementwiseAffine ? new Parameter(Tensor.zeros(normalizedShape)) : null);
    }

    /**
     * Normalizes each sample over the trailing dims.
     *
     * @param input [*, normalizedShape...]
     * @return the normalized tensor, in the input's shape
     * @throws IllegalArgumentException if the input's trailing dims are not normalizedShape
     */
    @Override
    public Tensor forward(Tensor input) {
        int k = normalizedShape.length;
        int[] shape = input.shape();
        if (shape.length < k
                || !Arrays.equals(normalizedShape, Arrays.copyOfRange(shape, shape.length - k, shape.length))) {
            String trailing = Arrays.toString(normalizedShape).substring(1);
            throw new IllegalArgumentException(
                    "LayerNorm: expected input [*, " + trailing + ", got " + Shapes.str(shape));
        }
        int[] dims = new int[k];
        int m = 1;
        for (int i = 0; i < k; i++) {
            dims[i] = shape.length - k + i;
            m *= normalizedShape[i];
        }
        Attributes configuration = Attributes.of()
                .with("normalizedShape", normalizedShape)
                .with("eps", (float) eps)
                .with("elementwiseAffine", elementwiseAffine);
        Tracing.enterRegion(
                "layerNorm",
                configuration,
                elementwiseAffine ? new Tensor[] {input, weight, bias} : new Tensor[] {input});
        Tensor mean = input.sum(dims, true).div(m);
        Tensor centered = input.sub(mean);
        Tensor var = centered.square().sum(dims, true).div(m);
        Tensor y = centered.div(var.add((float) eps).sqrt());
        Tensor out = elementwiseAffine ? y.mul(weight).add(bias) : y;
        Tracing.exitRegion(out);
        return out;
    }

    /**
     * The trailing shape normalized over.
     *
     * @return a copy of the shape
     */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /**
     * The value added to the variance for numerical stability.
     *
     * @return eps
     */
    public double eps() {
        return eps;
    }

    /**
     * Whether the layer has a learnable weight and bias.
     *
     * @return true when elementwiseAffine
     */
    public boolean elementwiseAffine() {
        return elementwiseAffine;
    }

    @Override
    protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + Repr.num(eps) + ", elementwise_affine="
                + Repr.bool(elementwiseAffine);
    }
}
