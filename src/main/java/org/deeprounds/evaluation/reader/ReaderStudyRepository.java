package org.deeprounds.evaluation.reader;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReaderStudyRepository extends JpaRepository<ReaderStudy, Long> {

    List<ReaderStudy> findByRunIdOrderByIdDesc(long runId);
}
