package org.deeprounds.evaluation;

import org.springframework.data.jpa.repository.JpaRepository;

interface ThresholdLockRepository extends JpaRepository<ThresholdLock, Long> {}
