package org.deeprounds.training.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deeprounds.base.ByteSize;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.models.DatasetInputs;
import org.deeprounds.models.InvalidSpecException;
import org.deeprounds.models.LayerHelp;
import org.deeprounds.models.LayerSpec;
import org.deeprounds.models.ModelSummary;
import org.deeprounds.models.NetworkDesigner;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.deeprounds.training.RunService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Design a network for a dataset: start from a template, add, remove, reorder and edit layers, set the training
 * settings (each explained for clinicians), and watch the summary (output shape and parameters per layer, memory)
 * and the checks update as you edit. A lesson can lock fields by spec path ({@link #lock}).
 */
@Route("builder")
@PageTitle("Model builder")
@Menu(title = "Model builder", order = 20, icon = "vaadin:sitemap")
@PermitAll
public class BuilderView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver {

    /** Spec paths a lesson can lock. */
    public static final Set<String> LOCKABLE = Set.of(
            "layers", "optimiser", "learningRate", "batchSize", "epochs", "l2", "seed", "augmentation", "classWeights");

    final ComboBox<DatasetInfo> dataset = new ComboBox<>("Dataset");
    final Select<Templates.Template> template = new Select<>();
    final Grid<Integer> layers = new Grid<>();
    final Select<LayerKind> addLayer = new Select<>();
    final Select<NetworkSpec.Optimiser> optimiser = new Select<>();
    final NumberField learningRate = new NumberField("Learning rate");
    final IntegerField batchSize = new IntegerField("Batch size");
    final IntegerField epochs = new IntegerField("Epochs");
    final NumberField l2 = new NumberField("L2 (weight decay)");
    final IntegerField seed = new IntegerField("Seed");
    final ClassWeightsField classWeights = new ClassWeightsField();
    final Grid<ModelSummary.Row> summary = new Grid<>();
    final Paragraph totals = new Paragraph();
    final Div problems = new Div();
    final Pre json = new Pre();
    final Button train = new Button("Train this design");
    final AugmentationPanel augmentation;

    private final transient DatasetService datasets;
    private final transient RunService runs;
    private final transient NetworkDesigner designer;
    private final transient JsonMapper mapper;
    private final Set<String> locked = new HashSet<>();
    private NetworkSpec spec;
    private List<LayerSpec> current = new ArrayList<>();
    private boolean updating;
    private transient java.util.function.Function<NetworkSpec, org.deeprounds.training.RunInfo> lessonTrainer;

    /** Layer kinds a trainee can add, with a name for the menu and a sensible default. */
    enum LayerKind {
        DENSE("Dense", new LayerSpec.Dense(64, LayerSpec.Activation.RELU)),
        CONV2D("2-D convolution", new LayerSpec.Conv2D(16, 3, 1, LayerSpec.Padding.SAME, LayerSpec.Activation.RELU)),
        CONV1D("1-D convolution", new LayerSpec.Conv1D(16, 8, 1, LayerSpec.Padding.SAME, LayerSpec.Activation.RELU)),
        POOL2D("2-D pooling", new LayerSpec.Pool2D(LayerSpec.PoolType.MAX, 2, 2)),
        POOL1D("1-D pooling", new LayerSpec.Pool1D(LayerSpec.PoolType.MAX, 2, 2)),
        GLOBAL("Global pooling", new LayerSpec.GlobalPool(LayerSpec.PoolType.MAX)),
        FLATTEN("Flatten", new LayerSpec.Flatten()),
        BATCHNORM("Batch normalisation", new LayerSpec.BatchNorm()),
        DROPOUT("Dropout", new LayerSpec.Dropout(0.2)),
        LSTM("LSTM", new LayerSpec.Lstm(32, LayerSpec.Activation.TANH));

        final String label;
        final LayerSpec defaults;

        LayerKind(String label, LayerSpec defaults) {
            this.label = label;
            this.defaults = defaults;
        }
    }

    public BuilderView(DatasetService datasets, NetworkDesigner designer, JsonMapper mapper, RunService runs) {
        this.datasets = datasets;
        this.runs = runs;
        this.designer = designer;
        this.mapper = mapper;
        this.augmentation = new AugmentationPanel(datasets, this::refresh);
        dataset.setItems(datasets.list());
        dataset.setItemLabelGenerator(d -> d.name() + " (" + d.modality().label() + ")");
        dataset.setWidthFull();
        dataset.setMaxWidth("28em");
        template.setLabel("Start from template");
        template.setItemLabelGenerator(Templates.Template::name);
        template.setWidthFull();
        template.setMaxWidth("16em");
        dataset.addValueChangeListener(e -> datasetChosen());
        template.addValueChangeListener(e -> templateChosen());
        var templateHelp = new Paragraph();
        template.addValueChangeListener(e ->
                templateHelp.setText(e.getValue() == null ? "" : e.getValue().description()));

        layers.addColumn(i -> i + 1).setHeader("#").setWidth("4em").setFlexGrow(0);
        layers.addColumn(i -> LayerDialog.capitalise(current.get(i).describe()))
                .setHeader("Layer")
                .setAutoWidth(true);
        layers.addColumn(i -> settings(current.get(i))).setHeader("Settings").setFlexGrow(2);
        layers.addComponentColumn(this::layerActions)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0)
                // On a narrow screen the layer's settings scroll; its buttons stay in reach.
                .setFrozenToEnd(true);
        layers.setAllRowsVisible(true);
        layers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addLayer.setLabel("Add a layer (before the output)");
        addLayer.setWidthFull();
        addLayer.setMaxWidth("18em");
        addLayer.setItems(LayerKind.values());
        addLayer.setItemLabelGenerator(k -> k.label);
        addLayer.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                var kind = e.getValue();
                new LayerDialog(kind.defaults, layer -> {
                            current.add(Math.max(0, current.size() - 1), layer);
                            refresh();
                        })
                        .open();
            }
            addLayer.clear();
        });

        optimiser.setLabel("Optimiser");
        optimiser.setItems(NetworkSpec.Optimiser.values());
        optimiser.setItemLabelGenerator(o -> o == NetworkSpec.Optimiser.ADAM ? "Adam" : "SGD with momentum");
        help(optimiser, "optimiser");
        help(learningRate, "learningRate");
        help(batchSize, "batchSize");
        help(epochs, "epochs");
        help(l2, "l2");
        help(seed, "seed");
        learningRate.setStep(0.0001);
        epochs.setId("epochs");
        List.<HasValue<?, ?>>of(optimiser, learningRate, batchSize, epochs, l2, seed)
                .forEach(f -> f.addValueChangeListener(e -> refresh()));
        var settingsForm = new FormLayout(optimiser, learningRate, batchSize, epochs, l2, seed);
        classWeights.addChangeListener(this::refresh);

        summary.setId("model-summary");
        summary.addColumn(ModelSummary.Row::layer)
                .setHeader("#")
                .setWidth("4em")
                .setFlexGrow(0);
        summary.addColumn(r -> LayerDialog.capitalise(r.description())).setHeader("Layer");
        summary.addColumn(ModelSummary.Row::outputShape).setHeader("Output shape");
        summary.addColumn(r -> String.format(Locale.ROOT, "%,d", r.parameters()))
                .setHeader("Parameters");
        summary.setAllRowsVisible(true);
        summary.addThemeVariants(GridVariant.LUMO_COMPACT);
        problems.setId("design-problems");
        totals.setId("design-totals");
        var jsonDetails = new Details("Design as JSON (what a run stores)", json);
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        train.addClickListener(e -> trainNow());

        add(
                wrapping(new HorizontalLayout(dataset, template)),
                templateHelp,
                new H3("Layers"),
                layers,
                addLayer,
                new H3("Training settings"),
                settingsForm,
                augmentation,
                classWeights,
                new H3("Summary"),
                problems,
                summary,
                totals,
                train,
                jsonDetails);
        setVisibleParts(false);
    }

    /**
     * A lesson's link opens the builder with {@code ?dataset=<id>&template=<name>}, starting values ({@code
     * learningRate}, {@code batchSize}, {@code epochs}, {@code l2}, {@code seed}, {@code optimiser}) and {@code
     * lock=a,b}.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        var values = new java.util.HashMap<String, Object>();
        for (var key : List.of("learningRate", "batchSize", "epochs", "l2", "seed", "optimiser")) {
            query.getSingleParameter(key).ifPresent(v -> values.put(key, v));
        }
        var locks = query.getSingleParameter("lock")
                .map(list -> Set.of(list.split(",")))
                .orElse(Set.of());
        var datasetId = query.getSingleParameter("dataset").flatMap(BuilderView::number);
        if (datasetId.isPresent()) {
            start(
                    datasetId.get().longValue(),
                    query.getSingleParameter("template").orElse(null),
                    values,
                    locks);
        }
    }

    /**
     * Opens the builder on a dataset and template with starting values (by spec path: {@code learningRate}, {@code
     * batchSize}, {@code epochs}, {@code l2}, {@code seed}, {@code optimiser}) and locked paths. Unknown values and
     * paths are left out, so a lesson file can never put the builder in a state its fields cannot show.
     */
    public void start(long datasetId, String templateName, java.util.Map<String, ?> values, Set<String> locks) {
        datasets.list().stream().filter(d -> d.id() == datasetId).findFirst().ifPresent(dataset::setValue);
        if (templateName != null) {
            Templates.ALL.stream()
                    .filter(t -> t.name().equals(templateName))
                    .filter(t -> dataset.getValue() != null
                            && t.modality() == dataset.getValue().modality())
                    .findFirst()
                    .ifPresent(template::setValue);
        }
        if (spec == null) {
            return;
        }
        updating = true;
        numberOf(values, "learningRate").ifPresent(v -> learningRate.setValue(v.doubleValue()));
        numberOf(values, "batchSize").ifPresent(v -> batchSize.setValue(v.intValue()));
        numberOf(values, "epochs").ifPresent(v -> epochs.setValue(v.intValue()));
        numberOf(values, "l2").ifPresent(v -> l2.setValue(v.doubleValue()));
        numberOf(values, "seed").ifPresent(v -> seed.setValue(v.intValue()));
        if (values.get("optimiser") != null) {
            try {
                optimiser.setValue(NetworkSpec.Optimiser.valueOf(
                        values.get("optimiser").toString().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // an unknown optimiser leaves the template's
            }
        }
        if (values.get("augmentation") instanceof org.deeprounds.models.Augmentation lessonAugmentation) {
            spec = spec.withAugmentation(lessonAugmentation);
            augmentation.setValue(lessonAugmentation);
        }
        updating = false;
        var paths = new HashSet<String>(locks);
        paths.retainAll(LOCKABLE);
        lock(paths);
        refresh();
    }

    /**
     * Lets a lesson train the design: instead of opening the run's page, {@code submit} starts the run (recorded for
     * the lesson step) and the lesson shows it. Exactly the design on screen is trained.
     */
    public void trainWith(java.util.function.Function<NetworkSpec, org.deeprounds.training.RunInfo> submit) {
        this.lessonTrainer = submit;
    }

    /**
     * Trains the design as it stands: on its own page the run's page opens; in a lesson the lesson starts it ({@link
     * #trainWith}). Problems are listed, nothing is trained, while the design has any.
     */
    public void trainNow() {
        if (spec == null) {
            return;
        }
        var found = designer.problems(spec);
        if (!found.isEmpty()) {
            refresh();
            return;
        }
        try {
            if (lessonTrainer != null) {
                lessonTrainer.apply(spec);
                return;
            }
            var run = runs.submit(dataset.getValue().id(), null, null, spec);
            getUI().ifPresent(ui -> ui.navigate(RunView.class, run.id()));
        } catch (InvalidSpecException | IllegalArgumentException | IllegalStateException ex) {
            problems.removeAll();
            var line = new Paragraph(ex.getMessage());
            line.getStyle().set("color", "var(--lumo-error-text-color)");
            problems.add(line);
        }
    }

    /** A lesson that trains its own settings shows the design without the builder's train button. */
    public void setTrainVisible(boolean visible) {
        train.setVisible(visible);
    }

    /** In a lesson the dataset and the starting template are the lesson's: shown, not changeable. */
    public void fixDataAndTemplate() {
        dataset.setReadOnly(true);
        template.setReadOnly(true);
    }

    private static java.util.Optional<Double> numberOf(java.util.Map<String, ?> values, String key) {
        var value = values.get(key);
        if (value instanceof Number n) {
            return java.util.Optional.of(n.doubleValue());
        }
        return value == null ? java.util.Optional.empty() : number(value.toString());
    }

    private static java.util.Optional<Double> number(String text) {
        try {
            return java.util.Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Makes the named spec paths read-only (a lesson decides what the trainee may change). */
    public void lock(Set<String> paths) {
        locked.clear();
        locked.addAll(paths);
        optimiser.setReadOnly(locked.contains("optimiser"));
        learningRate.setReadOnly(locked.contains("learningRate"));
        batchSize.setReadOnly(locked.contains("batchSize"));
        epochs.setReadOnly(locked.contains("epochs"));
        l2.setReadOnly(locked.contains("l2"));
        seed.setReadOnly(locked.contains("seed"));
        augmentation.setLocked(locked.contains("augmentation"));
        classWeights.setReadOnly(locked.contains("classWeights"));
        addLayer.setReadOnly(locked.contains("layers"));
        layers.getDataProvider().refreshAll();
    }

    /** Starts the design with this augmentation (a lesson's setting); ignored for data that are not images. */
    public void setAugmentation(org.deeprounds.models.Augmentation value) {
        augmentation.setValue(value);
        refresh();
    }

    /** The design as it stands (null before a dataset and template are chosen). */
    public NetworkSpec spec() {
        return spec;
    }

    private void datasetChosen() {
        var chosen = dataset.getValue();
        template.setItems(
                chosen == null
                        ? List.of()
                        : Templates.ALL.stream()
                                .filter(t -> t.modality() == chosen.modality())
                                .toList());
        template.setValue(
                chosen == null
                        ? null
                        : Templates.ALL.stream()
                                .filter(t -> t.modality() == chosen.modality())
                                .findFirst()
                                .orElse(null));
    }

    private void templateChosen() {
        var chosen = dataset.getValue();
        var start = template.getValue();
        if (chosen == null || start == null) {
            setVisibleParts(false);
            return;
        }
        var input = DatasetInputs.shapeOf(datasets.summary(chosen.id()));
        spec = Templates.create(start.name(), input, chosen.classes().size());
        current = new ArrayList<>(spec.layers());
        updating = true;
        optimiser.setValue(spec.optimiser());
        learningRate.setValue(spec.learningRate());
        batchSize.setValue(spec.batchSize());
        epochs.setValue(spec.epochs());
        l2.setValue(spec.l2());
        seed.setValue((int) spec.seed());
        augmentation.setValue(spec.augmentation());
        classWeights.show(chosen);
        updating = false;
        setVisibleParts(true);
        augmentation.show(chosen.id(), input);
        refresh();
    }

    void refresh() {
        if (updating || spec == null) {
            return;
        }
        spec = new NetworkSpec(
                        spec.input(),
                        current,
                        spec.classes(),
                        optimiser.getValue() == null ? NetworkSpec.Optimiser.ADAM : optimiser.getValue(),
                        valueOr(learningRate.getValue(), 0),
                        null,
                        valueOr(l2.getValue(), 0),
                        batchSize.getValue() == null ? 0 : batchSize.getValue(),
                        epochs.getValue() == null ? 0 : epochs.getValue(),
                        seed.getValue() == null ? 0 : seed.getValue())
                .withAugmentation(augmentation.value())
                .withClassWeights(classWeights.weights());
        layers.setItems(
                java.util.stream.IntStream.range(0, current.size()).boxed().toList());
        problems.removeAll();
        var found = designer.problems(spec);
        train.setEnabled(found.isEmpty());
        if (found.isEmpty()) {
            var result = designer.summarise(spec);
            summary.setItems(result.rows());
            summary.setVisible(true);
            totals.setText(String.format(
                    Locale.ROOT,
                    "Input %s · %,d parameters in total · about %s of memory to train" + " with batches of %d.",
                    spec.input().describe(),
                    result.totalParameters(),
                    ByteSize.format(result.estimatedMemoryBytes()),
                    spec.batchSize()));
        } else {
            summary.setVisible(false);
            totals.setText("");
            found.forEach(problem -> {
                var line = new Paragraph(problem);
                line.getStyle().set("color", "var(--lumo-error-text-color)");
                problems.add(line);
            });
        }
        json.setText(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
    }

    private HorizontalLayout layerActions(int index) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        boolean output = current.get(index) instanceof LayerSpec.Output;
        boolean editable = !locked.contains("layers");
        var up = new Button("↑", e -> move(index, -1));
        var down = new Button("↓", e -> move(index, 1));
        var edit = new Button(
                "Edit",
                e -> new LayerDialog(current.get(index), layer -> {
                            current.set(index, layer);
                            refresh();
                        })
                        .open());
        var remove = new Button("Remove", e -> {
            current.remove(index);
            refresh();
        });
        up.setEnabled(editable && !output && index > 0);
        down.setEnabled(editable && !output && index < current.size() - 2);
        edit.setEnabled(editable && !(current.get(index) instanceof LayerSpec.Output));
        remove.setEnabled(editable && !output);
        for (var button : List.of(up, down, edit, remove)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(button);
        }
        return row;
    }

    private void move(int index, int by) {
        var layer = current.remove(index);
        current.add(index + by, layer);
        refresh();
    }

    private void setVisibleParts(boolean visible) {
        getChildren().skip(2).forEach(c -> c.setVisible(visible));
    }

    private static String settings(LayerSpec layer) {
        return switch (layer) {
            case LayerSpec.Dense d -> d.units() + " units, " + name(d.activation());
            case LayerSpec.Conv2D c ->
                c.filters() + " filters, stride " + c.stride() + ", " + name(c.padding()) + ", " + name(c.activation());
            case LayerSpec.Conv1D c ->
                c.filters() + " filters, stride " + c.stride() + ", " + name(c.padding()) + ", " + name(c.activation());
            case LayerSpec.Pool2D p -> "stride " + p.stride();
            case LayerSpec.Pool1D p -> "stride " + p.stride();
            case LayerSpec.Lstm l -> l.units() + " units, " + name(l.activation());
            case LayerSpec.Dropout d -> "drops " + Math.round(d.rate() * 100) + "% of units while training";
            case LayerSpec.GlobalPool g -> "";
            case LayerSpec.Flatten f -> "keeps the position of every value";
            case LayerSpec.BatchNorm b -> "";
            case LayerSpec.Output o -> "one probability per class";
        };
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static void help(HasValue<?, ?> field, String setting) {
        if (field instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(LayerHelp.SETTINGS.get(setting));
        }
    }

    private static HorizontalLayout wrapping(HorizontalLayout row) {
        row.setWidthFull();
        row.setWrap(true);
        return row;
    }

    private static double valueOr(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
