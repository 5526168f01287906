package org.deeprounds.accounts;

import java.util.List;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The instructors of the school, as other instructors may see them: to pick a course's co-authors. */
@Service
public class InstructorDirectory {

    /** An instructor's name as shown beside their username. */
    public record Instructor(String username, String displayName) {}

    private final UserAccountRepository users;

    InstructorDirectory(UserAccountRepository users) {
        this.users = users;
    }

    /** Every enabled instructor account, by username. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + AppRoles.INSTRUCTOR + "', '" + AppRoles.ADMIN + "')")
    public List<Instructor> instructors() {
        return users.findByRole(AppRoles.INSTRUCTOR).stream()
                .filter(UserAccount::isEnabled)
                .map(u -> new Instructor(u.getUsername(), u.getDisplayName()))
                .toList();
    }
}
