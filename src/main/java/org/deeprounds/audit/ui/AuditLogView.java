package org.deeprounds.audit.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditEvent;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;

/** Administrators read the audit log here, newest first, filtered by kind of event. */
@Route("admin/audit")
@PageTitle("Audit log")
@Menu(title = "Audit log", order = 94, icon = "vaadin:clipboard-text")
@RolesAllowed(AppRoles.ADMIN)
public class AuditLogView extends VerticalLayout {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    final MultiSelectComboBox<AuditAction> filter = new MultiSelectComboBox<>("Show only");
    final Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);

    public AuditLogView(AuditLog auditLog) {
        setSizeFull();
        filter.setItems(Arrays.asList(AuditAction.values()));
        filter.setPlaceholder("All events");
        filter.setWidth("32em");
        grid.addColumn(e -> TIME.format(e.getOccurredAt()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEvent::getAction)
                .setHeader("Event")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEvent::getActor).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::getSubject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(AuditEvent::getDetail).setHeader("Detail").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        Runnable refresh = () -> grid.setItems(
                query -> auditLog.page(filter.getValue(), query.getPage(), query.getPageSize()).stream(),
                query -> (int) auditLog.count(filter.getValue()));
        filter.addValueChangeListener(e -> refresh.run());
        refresh.run();
        add(filter, grid);
    }
}
