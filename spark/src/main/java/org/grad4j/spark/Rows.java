package org.grad4j.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.UserDefinedType;

/**
 * A DataFrame's features and label columns as samples. Features: an array of floats or doubles, or
 * an ML vector ({@code org.apache.spark.ml.linalg.Vector}); label: an integer column, or a floating
 * one holding whole numbers.
 */
final class Rows {
    private static final List<DataType> INTEGER_TYPES =
            List.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);
    private static final List<DataType> FLOAT_TYPES = List.of(DataTypes.FloatType, DataTypes.DoubleType);

    private Rows() {}

    static JavaRDD<Sample> samples(Dataset<Row> data, String featuresColumn, String labelColumn) {
        DataType features = column(data, featuresColumn).dataType();
        DataType label = column(data, labelColumn).dataType();
        if (!isFeatures(features)) {
            throw new IllegalArgumentException("SparkTrainer: the features column '" + featuresColumn + "' has type "
                    + features.simpleString() + "; expected array<float>, array<double> or an ML vector");
        }
        if (!INTEGER_TYPES.contains(label) && !FLOAT_TYPES.contains(label)) {
            throw new IllegalArgumentException("SparkTrainer: the label column '" + labelColumn + "' has type "
                    + label.simpleString() + "; expected an integer type, or float or double holding class indices");
        }
        String f = featuresColumn;
        String l = labelColumn;
        return data.select(featuresColumn, labelColumn).javaRDD().map(row -> sample(row, f, l));
    }

    private static StructField column(Dataset<Row> data, String name) {
        for (StructField field : data.schema().fields()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException(
                "SparkTrainer: no column '" + name + "' in " + data.schema().simpleString());
    }

    private static boolean isFeatures(DataType type) {
        if (type instanceof ArrayType array) {
            return FLOAT_TYPES.contains(array.elementType());
        }
        return type instanceof UserDefinedType<?> udt && Vector.class.isAssignableFrom(udt.userClass());
    }

    private static Sample sample(Row row, String featuresColumn, String labelColumn) {
        if (row.isNullAt(0) || row.isNullAt(1)) {
            throw new IllegalArgumentException("SparkTrainer: a row has a null in '"
                    + (row.isNullAt(0) ? featuresColumn : labelColumn) + "': " + row);
        }
        return new Sample(features(row.get(0), featuresColumn), label(row.get(1), labelColumn));
    }

    private static float[] features(Object value, String column) {
        if (value instanceof Vector vector) {
            return toFloats(vector.toArray());
        }
        List<?> list = value instanceof scala.collection.Seq<?> seq
                ? scala.jdk.javaapi.CollectionConverters.asJava(seq)
                : (List<?>) value;
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (v == null) {
                throw new IllegalArgumentException("SparkTrainer: '" + column + "' holds a null at index " + i);
            }
            out[i] = ((Number) v).floatValue();
        }
        return out;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static int label(Object value, String column) {
        double v = ((Number) value).doubleValue();
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SparkTrainer: '" + column + "' holds " + value + ", not a class index");
        }
        return (int) v;
    }
}
