package org.deeprounds.evaluation.reader;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReaderReadRepository extends JpaRepository<ReaderRead, Long> {

    List<ReaderRead> findByStudyId(long studyId);

    Optional<ReaderRead> findByStudyIdAndCaseIdAndPhase(long studyId, String caseId, String phase);
}
