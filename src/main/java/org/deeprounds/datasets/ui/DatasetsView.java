package org.deeprounds.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.deeprounds.base.ByteSize;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetLimits;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Modality;

/** The dataset library: the shared datasets and the user's own, with modality, classes, splits and licence. */
@Route("datasets")
@PageTitle("Datasets")
@Menu(title = "Datasets", order = 10, icon = "vaadin:database")
@PermitAll
public class DatasetsView extends VerticalLayout {

    final Grid<DatasetInfo> grid = new Grid<>(DatasetInfo.class, false);
    final Select<Modality> modality = new Select<>();
    final Button importButton = new Button("Import dataset");
    private final transient DatasetService datasets;

    public DatasetsView(DatasetService datasets, DatasetLimits limits, AuthenticationContext authentication) {
        this.datasets = datasets;
        setSizeFull();
        boolean teaches = authentication.hasAnyRole(AppRoles.INSTRUCTOR, AppRoles.ADMIN);
        var where = new Paragraph(
                teaches
                        ? "Datasets you import go into the shared library that every trainee can use."
                        : "Datasets you import are private: only you (and administrators) see them.");
        where.addClassName("where-imports-go");
        var storage = new Paragraph("Datasets you imported: " + datasets.usage().summary() + ".");
        storage.setId("storage-usage");
        modality.setLabel("Modality");
        modality.setItems(Modality.values());
        modality.setItemLabelGenerator(m -> m == null ? "All" : m.label());
        modality.setEmptySelectionAllowed(true);
        modality.setEmptySelectionCaption("All");
        modality.addValueChangeListener(e -> refresh());
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(e -> new ImportDatasetDialog(
                        datasets,
                        limits,
                        created -> getUI().ifPresent(ui -> ui.navigate(DatasetView.class, created.id())))
                .open());
        var toolbar = new HorizontalLayout(modality, importButton);
        toolbar.setAlignItems(Alignment.END);

        grid.addComponentColumn(d -> new RouterLink(d.name(), DatasetView.class, d.id()))
                .setHeader("Name")
                .setAutoWidth(true)
                .setFlexGrow(2);
        grid.addComponentColumn(DatasetsView::badges)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> d.modality().label()).setHeader("Modality").setAutoWidth(true);
        grid.addColumn(d -> d.task() == org.deeprounds.datasets.model.Task.BINARY ? "Binary" : "Multi-class")
                .setHeader("Task")
                .setAutoWidth(true);
        grid.addColumn(DatasetsView::classCounts)
                .setHeader("Classes (all splits)")
                .setFlexGrow(2);
        grid.addColumn(d -> d.splits().get("train").size() + " / "
                        + d.splits().get("validation").size() + " / "
                        + d.splits().get("test").size())
                .setHeader("Train / val / test")
                .setAutoWidth(true);
        grid.addColumn(d -> ByteSize.format(d.sizeBytes())).setHeader("Size").setAutoWidth(true);
        grid.addColumn(DatasetInfo::licence).setHeader("Licence").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(where, storage, toolbar, grid);
        refresh();
    }

    static HorizontalLayout badges(DatasetInfo d) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        row.getStyle().set("gap", "4px");
        var library = new Span(d.shared() ? "Shared" : "Private");
        library.getElement().getThemeList().add(d.shared() ? "badge" : "badge contrast");
        row.add(library);
        if (d.synthetic()) {
            var synthetic = new Span("SYNTHETIC");
            synthetic.getElement().getThemeList().add("badge warning");
            synthetic.getElement().setAttribute("title", "Generated data, not from real patients");
            row.add(synthetic);
        }
        return row;
    }

    static String classCounts(DatasetInfo d) {
        return d.classes().stream()
                .map(c -> c + " "
                        + d.splits().values().stream()
                                .mapToInt(s -> s.classCounts().getOrDefault(c, 0))
                                .sum())
                .collect(Collectors.joining(", "));
    }

    void refresh() {
        var selected = modality.getValue();
        grid.setItems(datasets.list().stream()
                .filter(d -> selected == null || d.modality() == selected)
                .toList());
    }
}
