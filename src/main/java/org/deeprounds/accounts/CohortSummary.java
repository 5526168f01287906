package org.deeprounds.accounts;

import java.util.Comparator;
import java.util.List;

/** A cohort as views and the API show it: members by username and name. */
public record CohortSummary(Long id, String name, String description, List<Member> instructors, List<Member> trainees) {

    /** One member of a cohort. */
    public record Member(String username, String displayName) {}

    static CohortSummary of(Cohort cohort) {
        return new CohortSummary(
                cohort.getId(),
                cohort.getName(),
                cohort.getDescription(),
                members(cohort.getInstructors()),
                members(cohort.getTrainees()));
    }

    private static List<Member> members(java.util.Collection<UserAccount> accounts) {
        return accounts.stream()
                .map(a -> new Member(a.getUsername(), a.getDisplayName()))
                .sorted(Comparator.comparing(Member::username))
                .toList();
    }
}
