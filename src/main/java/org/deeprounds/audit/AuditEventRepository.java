package org.deeprounds.audit;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    Page<AuditEvent> findByActionIn(Collection<AuditAction> actions, Pageable pageable);

    long countByActionIn(Collection<AuditAction> actions);
}
