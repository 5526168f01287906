package org.deeprounds.system.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Duration;
import java.time.Instant;
import org.deeprounds.training.ClusterNodes;
import org.deeprounds.training.TrainingCapacity;

/**
 * The nodes of the installation (one on a single server; a web node and workers in a cluster), each with its role,
 * build, cores or GPU, last heartbeat and runs in hand; then the queue and how long its last run may wait.
 */
class NodesPanel extends VerticalLayout {

    NodesPanel(TrainingCapacity.Status status) {
        setPadding(false);
        setId("nodes");
        var grid = new Grid<ClusterNodes.Node>();
        grid.setId("nodes-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ClusterNodes.Node::name).setHeader("Node").setAutoWidth(true);
        grid.addColumn(ClusterNodes.Node::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(n -> n.gpu() == null ? n.cores() + " cores" : n.cores() + " cores, " + n.gpu())
                .setHeader("Compute");
        grid.addColumn(n -> n.role().equals("web") ? "trains nothing" : n.runsInHand() + " of " + n.slots())
                .setHeader("Runs in hand");
        grid.addColumn(n -> (n.alive() ? "" : "silent: stopped or lost touch, ") + ago(n.heartbeatAt(), status.asOf()))
                .setHeader("Heartbeat");
        // Wide enough to stay a few lines on a phone (the grid scrolls sideways in its own box there).
        grid.addColumn(ClusterNodes.Node::build)
                .setHeader("Build")
                .setWidth("18em")
                .setFlexGrow(2);
        grid.setItems(status.nodes());
        grid.setAllRowsVisible(true);
        add(grid, new Paragraph(queue(status)));
    }

    static String queue(TrainingCapacity.Status status) {
        var slots = status.liveSlots() == 1 ? "1 training slot" : status.liveSlots() + " training slots";
        if (status.queued() == 0) {
            return "No run is waiting. " + slots + " on live nodes.";
        }
        var waiting = status.queued() == 1 ? "1 run is waiting" : status.queued() + " runs are waiting";
        if (status.liveSlots() == 0) {
            return waiting + ", and no training node is alive: they start when a worker joins.";
        }
        if (status.expectedWait() == null) {
            return waiting + " for " + slots + "; no run has finished yet to estimate the wait.";
        }
        return waiting + " for " + slots + ". The last may wait about " + minutes(status.expectedWait())
                + " (median run " + minutes(status.typicalRun()) + " over the latest runs).";
    }

    private static String minutes(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    private static String ago(Instant at, Instant now) {
        long seconds = Math.max(0, Duration.between(at, now).toSeconds());
        return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
    }
}
