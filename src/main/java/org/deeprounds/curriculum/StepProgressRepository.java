package org.deeprounds.curriculum;

import org.springframework.data.jpa.repository.JpaRepository;

interface StepProgressRepository extends JpaRepository<StepProgress, Long> {}
