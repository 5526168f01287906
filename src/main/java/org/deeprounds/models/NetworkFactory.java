package org.deeprounds.models;

import java.util.ArrayList;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** The one place a {@link NetworkSpec} becomes a Deeplearning4j configuration. Validate the spec first. */
public final class NetworkFactory {

    static final double MOMENTUM = 0.9;

    private NetworkFactory() {}

    public static MultiLayerConfiguration configuration(NetworkSpec spec) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .updater(updater(spec))
                .l2(spec.l2())
                .weightInit(WeightInit.XAVIER)
                .list();
        var inputs = ShapeWalker.inputs(spec, ShapeWalker.walk(spec, new ArrayList<>()));
        var flattened = new ArrayList<Integer>();
        for (int i = 0; i < spec.layers().size(); i++) {
            var layer = spec.layers().get(i);
            list.layer(layer(layer, spec));
            var flatten = Flattening.preProcessor(layer, inputs.get(i));
            if (flatten != null) {
                list.inputPreProcessor(i, flatten);
                flattened.add(i);
            }
        }
        var conf = list.setInputType(inputType(spec.input())).build();
        for (int i : flattened) {
            Flattening.fixInputSize(conf.getConf(i).getLayer(), inputs.get(i));
        }
        return conf;
    }

    static InputType inputType(InputShape input) {
        return switch (input.kind()) {
            case IMAGE -> InputType.convolutional(input.height(), input.width(), input.channels());
            case SEQUENCE -> InputType.recurrent(input.channels(), input.length(), RNNFormat.NCW);
            case TABULAR -> InputType.feedForward(input.features());
        };
    }

    private static IUpdater updater(NetworkSpec spec) {
        var schedule = spec.schedule() == null
                ? null
                : new StepSchedule(
                        ScheduleType.EPOCH,
                        spec.learningRate(),
                        spec.schedule().factor(),
                        spec.schedule().everyEpochs());
        return switch (spec.optimiser()) {
            case ADAM -> schedule == null ? new Adam(spec.learningRate()) : new Adam(schedule);
            case SGD_MOMENTUM ->
                schedule == null ? new Nesterovs(spec.learningRate(), MOMENTUM) : new Nesterovs(schedule, MOMENTUM);
        };
    }

    private static Layer layer(LayerSpec layer, NetworkSpec spec) {
        return switch (layer) {
            case LayerSpec.Dense d ->
                new DenseLayer.Builder()
                        .nOut(d.units())
                        .activation(activation(d.activation()))
                        .build();
            case LayerSpec.Conv2D c ->
                new ConvolutionLayer.Builder(c.kernel(), c.kernel())
                        .stride(c.stride(), c.stride())
                        .nOut(c.filters())
                        .convolutionMode(mode(c.padding()))
                        .activation(activation(c.activation()))
                        .build();
            case LayerSpec.Conv1D c ->
                new Convolution1DLayer.Builder(c.kernel(), c.stride())
                        .nOut(c.filters())
                        .convolutionMode(mode(c.padding()))
                        .activation(activation(c.activation()))
                        .build();
            case LayerSpec.Pool2D p ->
                new SubsamplingLayer.Builder(poolType(p.pool()))
                        .kernelSize(p.size(), p.size())
                        .stride(p.stride(), p.stride())
                        .build();
            case LayerSpec.Pool1D p ->
                new Subsampling1DLayer.Builder(poolType(p.pool()))
                        .kernelSize(p.size())
                        .stride(p.stride())
                        .build();
            case LayerSpec.GlobalPool g -> new GlobalPoolingLayer.Builder(poolType(g.pool())).build();
            case LayerSpec.Flatten f -> Flattening.layer();
            case LayerSpec.BatchNorm b -> new BatchNormalization.Builder().build();
            case LayerSpec.Dropout d -> new DropoutLayer.Builder(1 - d.rate()).build();
            case LayerSpec.Lstm l ->
                new LSTM.Builder()
                        .nOut(l.units())
                        .activation(activation(l.activation()))
                        .dataFormat(RNNFormat.NCW)
                        .build();
            case LayerSpec.Output o ->
                new OutputLayer.Builder(loss(spec))
                        .nOut(spec.classes())
                        .activation(Activation.SOFTMAX)
                        .build();
        };
    }

    /** Cross-entropy; with class weights, each case's loss is multiplied by the weight of its true class. */
    private static ILossFunction loss(NetworkSpec spec) {
        if (spec.classWeights().isEmpty()) {
            return new LossMCXENT();
        }
        var weights = new float[spec.classWeights().size()];
        for (int c = 0; c < weights.length; c++) {
            weights[c] = spec.classWeights().get(c).floatValue();
        }
        return new LossMCXENT(Nd4j.create(weights, new long[] {1, weights.length}, DataType.FLOAT));
    }

    private static Activation activation(LayerSpec.Activation activation) {
        return switch (activation) {
            case RELU -> Activation.RELU;
            case TANH -> Activation.TANH;
            case SIGMOID -> Activation.SIGMOID;
            case LEAKYRELU -> Activation.LEAKYRELU;
            case IDENTITY -> Activation.IDENTITY;
        };
    }

    private static ConvolutionMode mode(LayerSpec.Padding padding) {
        return padding == LayerSpec.Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private static PoolingType poolType(LayerSpec.PoolType type) {
        return type == LayerSpec.PoolType.MAX ? PoolingType.MAX : PoolingType.AVG;
    }
}
