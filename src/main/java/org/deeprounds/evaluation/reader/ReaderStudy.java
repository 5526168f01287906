package org.deeprounds.evaluation.reader;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reader study of one run: which test cases, under which opaque ids, in which order per phase. */
@Entity
@Table(name = "reader_study")
class ReaderStudy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(nullable = false, length = 100)
    private String reader;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private long seed;

    @Column(nullable = false, length = 20000)
    private String cases;

    @Column(name = "assisted_order", nullable = false, length = 20000)
    private String assistedOrder;

    protected ReaderStudy() {}

    ReaderStudy(
            long runId,
            String reader,
            String createdBy,
            Instant createdAt,
            long seed,
            Map<String, Integer> testIndexByCase,
            List<String> assistedOrder) {
        this.runId = runId;
        this.reader = reader;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.seed = seed;
        var parts = new ArrayList<String>();
        testIndexByCase.forEach((caseId, index) -> parts.add(caseId + ":" + index));
        this.cases = String.join(",", parts);
        this.assistedOrder = String.join(",", assistedOrder);
    }

    Long id() {
        return id;
    }

    long runId() {
        return runId;
    }

    String reader() {
        return reader;
    }

    long seed() {
        return seed;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Case id to its index in the run's test split, in the unassisted order. */
    Map<String, Integer> testIndexByCase() {
        var out = new LinkedHashMap<String, Integer>();
        for (var part : cases.split(",")) {
            int colon = part.indexOf(':');
            out.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
        }
        return out;
    }

    List<String> order(Phase phase) {
        return phase == Phase.UNASSISTED ? List.copyOf(testIndexByCase().keySet()) : List.of(assistedOrder.split(","));
    }
}
