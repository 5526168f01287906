package org.deeprounds.curriculum;

import static org.deeprounds.TestUsers.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.deeprounds.accounts.AccountDraft;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.accounts.CohortSummary;
import org.deeprounds.base.security.AppRoles;

/**
 * Courses without training (read, quiz, reflect steps) and cohorts of fresh accounts, made through the real library
 * and services, so teaching tests can create progress in milliseconds and never share trainees with other tests.
 */
public final class TeachingFixtures {

    private TeachingFixtures() {}

    /** One lesson: a read step, a two-question quiz ({@code attempts} on it unless null) and a reflection. */
    public static String lesson(String id, String title, Integer attempts) {
        return """
                ---
                id: %s
                title: "%s"
                minutes: 10
                steps:
                  - id: why
                    kind: read
                  - id: check
                    kind: quiz%s
                    questions:
                      - question: Which split judges the final model?
                        options:
                          - text: The test split
                            correct: true
                            feedback: Yes; it is touched once, at the end.
                          - text: The training split
                            feedback: The network has seen it; it flatters the model.
                      - question: What does a sensitivity of 0.9 mean?
                        options:
                          - text: Nine in ten patients with the disease are found.
                            correct: true
                            feedback: Yes.
                          - text: Nine in ten positive calls are right.
                            feedback: That is the positive predictive value.
                  - id: reflect
                    kind: reflect
                    minWords: 3
                ---
                Why this lesson matters, in a sentence.

                ## Why {#why}
                A short reason, with a clinical example.

                ## Check {#check}
                Answer both questions.

                ## Reflect {#reflect}
                Where would this change your practice?
                """.formatted(id, title, attempts == null ? "" : "\n    attempts: " + attempts);
    }

    /**
     * Writes a course folder with these lessons (file name to text, in order) and reloads the library; fails with the
     * loader's problems if the course is not valid.
     */
    public static Course course(
            CurriculumLibrary library, String id, String title, String extraYaml, List<String> lessons) {
        var folder = library.dir().resolve(id);
        var names = new ArrayList<String>();
        try {
            Files.createDirectories(folder.resolve("lessons"));
            for (int i = 0; i < lessons.size(); i++) {
                var name = "%02d-lesson.md".formatted(i + 1);
                names.add(name);
                Files.writeString(folder.resolve("lessons").resolve(name), lessons.get(i));
            }
            Files.writeString(
                    folder.resolve("course.yaml"), """
                    id: %s
                    title: "%s"
                    audience: Residents.
                    prerequisites: []
                    objectives: [Pass the quizzes.]
                    estimatedMinutes: 30
                    licence: CC BY 4.0
                    authors: [Tests]
                    lessons: [%s]
                    %s
                    """.formatted(id, title, String.join(", ", names), extraYaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        library.reload();
        var result = library.all().stream()
                .filter(r -> r.folder().equals(id))
                .findFirst()
                .orElseThrow();
        if (!result.ok()) {
            throw new AssertionError("Fixture course " + id + " is not valid: " + result.problems());
        }
        return result.course();
    }

    /** The right options of every question of a quiz. */
    public static List<Set<Integer>> correct(Step quiz) {
        return quiz.questions().stream()
                .map(q -> {
                    var right = new TreeSet<Integer>();
                    for (int i = 0; i < q.options().size(); i++) {
                        if (q.options().get(i).correct()) {
                            right.add(i);
                        }
                    }
                    return (Set<Integer>) right;
                })
                .toList();
    }

    /** The first question right, every other one wrong. */
    public static List<Set<Integer>> firstRightOnly(Step quiz) {
        var right = correct(quiz);
        var out = new ArrayList<Set<Integer>>(List.of(right.getFirst()));
        for (int q = 1; q < right.size(); q++) {
            int wrong = 0;
            while (right.get(q).contains(wrong)) {
                wrong++;
            }
            out.add(Set.of(wrong));
        }
        return out;
    }

    /** A new trainee account (display name and e-mail as given); returns its temporary password. */
    public static String trainee(AccountService accounts, String username, String displayName, String email) {
        return as(
                        "admin",
                        AppRoles.ADMIN,
                        () -> accounts.create(
                                new AccountDraft(username, displayName, email, Set.of(AppRoles.TRAINEE), true)))
                .password();
    }

    /**
     * A new instructor account whose owner has replaced the temporary password (as the first sign-in demands); returns
     * the password they chose.
     */
    public static String instructor(AccountService accounts, String username, String displayName) {
        var temporary = as(
                        "admin",
                        AppRoles.ADMIN,
                        () -> accounts.create(
                                new AccountDraft(username, displayName, null, Set.of(AppRoles.INSTRUCTOR), true)))
                .password();
        var own = "Own-Rounds-" + Integer.toHexString(username.hashCode()) + "-2026";
        as(username, AppRoles.INSTRUCTOR, () -> {
            accounts.changeOwnPassword(username, temporary, own);
            return null;
        });
        return own;
    }

    /**
     * A new account holding {@code role}, whose owner has already replaced the temporary password with one of their
     * own, as a person does before using the API: returns the credentials to call the app with.
     */
    public static org.deeprounds.TestUsers.Credentials account(AccountService accounts, String username, String role) {
        var temporary = as(
                        "admin",
                        AppRoles.ADMIN,
                        () -> accounts.create(new AccountDraft(username, username, null, Set.of(role), true)))
                .password();
        var own = "Own-Rounds-" + Integer.toHexString(username.hashCode()) + "-2026";
        as(username, role, () -> {
            accounts.changeOwnPassword(username, temporary, own);
            return null;
        });
        return new org.deeprounds.TestUsers.Credentials(username, own);
    }

    /** A trainee of one test class's own, created on first use: its runs are counted by no other test. */
    public static synchronized org.deeprounds.TestUsers.Credentials ownTrainee(
            AccountService accounts, String username) {
        var known = OWN.get(username);
        if (known == null) {
            known = account(accounts, username, AppRoles.TRAINEE);
            OWN.put(username, known);
        }
        return known;
    }

    private static final java.util.Map<String, org.deeprounds.TestUsers.Credentials> OWN = new java.util.HashMap<>();

    /** A new cohort taught by {@code instructor} with these trainees. */
    public static CohortSummary cohort(CohortService cohorts, String name, String instructor, List<String> trainees) {
        return as("admin", AppRoles.ADMIN, () -> {
            var created = cohorts.create(name, null);
            return cohorts.update(created.id(), name, null, List.of(instructor), trainees);
        });
    }
}
