package org.deeprounds.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.deeprounds.base.security.AppRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records security-relevant events and lets administrators read them back, newest first. */
@Service
public class AuditLog {

    /** Actor name for what the server does on its own (start-up, scheduled work). */
    public static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Appends one event; joins the caller's transaction so the event and the change it describes commit together. */
    @Transactional
    public void record(AuditAction action, String actor, String subject, String detail) {
        events.save(new AuditEvent(clock.instant(), actor == null ? SYSTEM : actor, action, subject, detail));
        log.info("audit {} actor={} subject={} {}", action, actor, subject, detail == null ? "" : detail);
    }

    /** One page of events, newest first; an empty {@code actions} means every kind. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    public List<AuditEvent> page(Collection<AuditAction> actions, int pageNumber, int pageSize) {
        var page = PageRequest.of(pageNumber, pageSize, NEWEST_FIRST);
        return actions.isEmpty()
                ? events.findAll(page).getContent()
                : events.findByActionIn(actions, page).getContent();
    }

    /** How many events {@link #page} can return. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    public long count(Collection<AuditAction> actions) {
        return actions.isEmpty() ? events.count() : events.countByActionIn(actions);
    }
}
