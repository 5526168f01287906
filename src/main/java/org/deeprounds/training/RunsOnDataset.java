package org.deeprounds.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import org.deeprounds.datasets.DatasetDependents;
import org.deeprounds.datasets.DatasetUse;
import org.deeprounds.datasets.DatasetUses;
import org.springframework.stereotype.Component;

/**
 * Tells the dataset library which runs use a dataset, so it refuses to delete one a run still reads (its evaluation,
 * model card and explanations read the test split again). Runs the signed-in user may not see (by the rule of
 * {@link RunService#get}) are only counted, so no trainee learns another's name from a refused delete.
 */
@Component
class RunsOnDataset implements DatasetDependents {

    private final TrainingRunRepository runs;
    private final RunService service;

    RunsOnDataset(TrainingRunRepository runs, RunService service) {
        this.runs = runs;
        this.service = service;
    }

    @Override
    public DatasetUses of(long id, String sampleKey) {
        var shown = new ArrayList<DatasetUse>();
        int notShown = 0;
        // Visibility depends only on the owner: one check per owner, not per run (an instructor's check reads cohorts).
        var visibleOwners = new HashMap<String, Boolean>();
        for (var run : runs.findOnDataset(id)) {
            if (visibleOwners.computeIfAbsent(run.owner(), service::callerMaySeeRunsOf)) {
                shown.add(new DatasetUse(DatasetUse.RUN, run.id().toString(), name(run), run.owner()));
            } else {
                notShown++;
            }
        }
        return new DatasetUses(shown, notShown);
    }

    /** "Run 41: ehr-mlp, completed", as the runs pages name a run (its template, else its own design). */
    private static String name(RunOnDataset run) {
        return "Run " + run.id() + ": " + (run.template() == null ? "own design" : run.template()) + ", "
                + run.status().name().toLowerCase(Locale.ROOT);
    }
}
