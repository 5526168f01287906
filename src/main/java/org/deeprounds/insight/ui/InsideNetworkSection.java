package org.deeprounds.insight.ui;

import org.deeprounds.insight.LayerInsights;
import org.deeprounds.insight.NetworkProbe;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.ui.RunPageSection;
import org.springframework.stereotype.Component;

/** Adds "Inside the network" to every run's page. */
@Component
class InsideNetworkSection implements RunPageSection {

    private final LayerInsights insights;
    private final NetworkProbe probe;

    InsideNetworkSection(LayerInsights insights, NetworkProbe probe) {
        this.insights = insights;
        this.probe = probe;
    }

    @Override
    public Panel create(RunInfo run) {
        return new InsideNetworkPanel(insights, probe, run);
    }
}
