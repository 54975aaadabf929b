package org.grad4j.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DataFrameTest {
    private static final List<Sample> DATA = Fixtures.samples(100, 4);

    private static Dataset<Row> frame(DataType featuresType, DataType labelType) {
        List<Row> rows = new ArrayList<>();
        for (Sample s : DATA) {
            Object features =
                    featuresType == SQLDataTypes.VectorType() ? Vectors.dense(doubles(s)) : values(s, featuresType);
            Object label = labelType == DataTypes.DoubleType ? (Object) (double) s.label() : (Object) (long) s.label();
            rows.add(RowFactory.create(features, label));
        }
        StructType schema = new StructType().add("pixels", featuresType, false).add("y", labelType, false);
        return LocalSpark.session().createDataFrame(rows, schema).repartition(2);
    }

    private static double[] doubles(Sample s) {
        double[] out = new double[s.features().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.features()[i];
        }
        return out;
    }

    private static Object values(Sample s, DataType arrayType) {
        List<Object> out = new ArrayList<>();
        for (float v : s.features()) {
            out.add(
                    arrayType.equals(DataTypes.createArrayType(DataTypes.FloatType))
                            ? (Object) v
                            : (Object) (double) v);
        }
        return out;
    }

    private static SparkTrainer trainer() {
        return Fixtures.trainer()
                .featuresColumn("pixels")
                .labelColumn("y")
                .epochs(2)
                .build();
    }

    @Test
    void trainsOnFloatArraysDoubleArraysAndVectors() {
        for (DataType features : List.of(
                DataTypes.createArrayType(DataTypes.FloatType),
                DataTypes.createArrayType(DataTypes.DoubleType),
                SQLDataTypes.VectorType())) {
            for (DataType label : List.of(DataTypes.LongType, DataTypes.DoubleType)) {
                Dataset<Row> frame = frame(features, label);
                SparkTrainer trainer = trainer();
                TrainingResult result = trainer.fit(frame);
                Evaluation evaluation = trainer.evaluate(result.model(), frame);
                assertTrue(
                        evaluation.samples() == 100 && evaluation.accuracy() > 0.4,
                        features.simpleString() + ", " + label.simpleString() + ": " + evaluation);
            }
        }
    }

    @Test
    void columnsOfTheWrongNameOrTypeAreRefused() {
        Dataset<Row> frame = frame(DataTypes.createArrayType(DataTypes.FloatType), DataTypes.LongType);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Fixtures.trainer().build().fit(frame));
        assertTrue(e.getMessage().contains("no column 'features'"), e.getMessage());

        Dataset<Row> text = frame.withColumn("y", frame.col("y").cast("string"));
        e = assertThrows(IllegalArgumentException.class, () -> trainer().fit(text));
        assertTrue(e.getMessage().contains("label column 'y' has type string"), e.getMessage());
    }
}
