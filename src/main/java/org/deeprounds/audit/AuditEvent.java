package org.deeprounds.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log. Written once, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    static final int MAX_DETAIL = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** Who did it: a username, or "system". */
    @Column(nullable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AuditAction action;

    /** What it was done to (a username, a cohort), if anything. */
    @Column(length = 200)
    private String subject;

    @Column(length = MAX_DETAIL)
    private String detail;

    protected AuditEvent() {}

    AuditEvent(Instant occurredAt, String actor, AuditAction action, String subject, String detail) {
        this.occurredAt = occurredAt;
        this.actor = truncate(actor, 100);
        this.action = action;
        this.subject = truncate(subject, 200);
        this.detail = truncate(detail, MAX_DETAIL);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }
}
