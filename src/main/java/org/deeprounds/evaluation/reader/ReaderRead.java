package org.deeprounds.evaluation.reader;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One call a reader made on one case in one phase, with their confidence (1 = unsure to 5 = certain). */
@Entity
@Table(name = "reader_read")
class ReaderRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "study_id", nullable = false)
    private long studyId;

    @Column(name = "case_id", nullable = false, length = 20)
    private String caseId;

    @Column(nullable = false, length = 12)
    private String phase;

    @Column(nullable = false, length = 200)
    private String label;

    @Column(nullable = false)
    private int confidence;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected ReaderRead() {}

    ReaderRead(long studyId, String caseId, Phase phase) {
        this.studyId = studyId;
        this.caseId = caseId;
        this.phase = phase.key();
    }

    void call(String label, int confidence, Instant at) {
        this.label = label;
        this.confidence = confidence;
        this.readAt = at;
    }

    String caseId() {
        return caseId;
    }

    Phase phase() {
        return Phase.of(phase);
    }

    String label() {
        return label;
    }

    int confidence() {
        return confidence;
    }
}
