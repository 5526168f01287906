package org.deeprounds.accounts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of trainees from CSV with a header row: {@code name} (required), {@code username} and/or
 * {@code email} (one is required; the e-mail becomes the username when there is no username column) and
 * {@code cohort} (optional; created if new). Every row is checked first; one bad row imports nothing.
 */
@Service
public class TraineeImport {

    static final int MAX_ROWS = 2000;
    private static final Set<String> KNOWN_COLUMNS = Set.of("name", "username", "email", "cohort");

    private final UserAccountRepository users;
    private final CohortRepository cohorts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    TraineeImport(
            UserAccountRepository users,
            CohortRepository cohorts,
            PasswordEncoder encoder,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.cohorts = cohorts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of one row: the account created (with its temporary password) or what is wrong. */
    public record RowResult(long line, String username, String cohort, String password, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The outcome of a file: {@code imported} is true only when every row was valid and all were created. */
    public record Report(String fileName, boolean imported, List<String> fileProblems, List<RowResult> rows) {

        public long errorCount() {
            return fileProblems.size() + rows.stream().filter(r -> !r.ok()).count();
        }
    }

    private record Row(long line, String name, String username, String email, String cohort) {}

    /** Reads, checks and (when all is well) imports the file in one transaction. */
    @Transactional
    @PreAuthorize(AccountService.ADMIN_ONLY)
    public Report importCsv(String fileName, Reader csv) {
        var parsed = parse(csv);
        if (!parsed.fileProblems.isEmpty()) {
            return reject(fileName, parsed.fileProblems, List.of());
        }
        var results = check(parsed.rows);
        if (results.stream().anyMatch(r -> !r.ok())) {
            return reject(fileName, List.of(), results);
        }
        var created = new ArrayList<RowResult>();
        Map<String, Cohort> cohortsByName = new HashMap<>();
        for (var row : parsed.rows) {
            var password = PasswordGenerator.generate();
            var account = UserAccount.withIssuedPassword(
                    row.username(), row.name(), row.email(), encoder.encode(password), clock.instant());
            account.setRoles(Set.of(AppRoles.TRAINEE));
            users.save(account);
            if (row.cohort() != null) {
                cohortsByName
                        .computeIfAbsent(
                                row.cohort().toLowerCase(Locale.ROOT),
                                key -> cohorts.findByNameIgnoreCase(row.cohort())
                                        .orElseGet(() -> cohorts.save(new Cohort(row.cohort(), null, clock.instant()))))
                        .getTrainees()
                        .add(account);
            }
            created.add(new RowResult(row.line(), row.username(), row.cohort(), password, List.of()));
        }
        audit.record(
                AuditAction.TRAINEES_IMPORTED,
                CurrentActor.name(),
                fileName,
                created.size() + " trainee(s); cohorts "
                        + cohortsByName.values().stream()
                                .map(Cohort::getName)
                                .sorted()
                                .toList());
        return new Report(fileName, true, List.of(), created);
    }

    private Report reject(String fileName, List<String> fileProblems, List<RowResult> rows) {
        var report = new Report(fileName, false, fileProblems, rows);
        audit.record(
                AuditAction.TRAINEE_IMPORT_REJECTED,
                CurrentActor.name(),
                fileName,
                report.errorCount() + " problem(s); nothing imported");
        return report;
    }

    private record Parsed(List<Row> rows, List<String> fileProblems) {}

    private Parsed parse(Reader csv) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (var parser = format.parse(csv)) {
            var header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            var problems = new ArrayList<String>();
            if (header.isEmpty()) {
                problems.add("line 1: the file is empty; expected a header row such as name,username,email,cohort");
            } else {
                header.stream()
                        .filter(h -> !KNOWN_COLUMNS.contains(h))
                        .forEach(h -> problems.add(
                                "line 1: unknown column '" + h + "' (known: name, username, email," + " cohort)"));
                if (!header.contains("name")) {
                    problems.add("line 1: column 'name' is missing");
                }
                if (!header.contains("username") && !header.contains("email")) {
                    problems.add("line 1: a 'username' or an 'email' column is needed");
                }
            }
            if (!problems.isEmpty()) {
                return new Parsed(List.of(), problems);
            }
            var columns = parser.getHeaderNames();
            var rows = new ArrayList<Row>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    return new Parsed(List.of(), List.of("the file has more than " + MAX_ROWS + " rows; split it"));
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < columns.size() && i < record.size(); i++) {
                    values.put(columns.get(i).strip().toLowerCase(Locale.ROOT), record.get(i));
                }
                var email = AccountValidation.blankToNull(values.get("email"));
                var username = AccountValidation.blankToNull(values.get("username"));
                rows.add(new Row(
                        record.getParser().getCurrentLineNumber(),
                        values.getOrDefault("name", "").strip(),
                        AccountValidation.normaliseUsername(username != null ? username : email),
                        email,
                        AccountValidation.blankToNull(values.get("cohort"))));
            }
            if (rows.isEmpty()) {
                return new Parsed(List.of(), List.of("the file has a header but no trainees"));
            }
            return new Parsed(rows, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            return new Parsed(List.of(), List.of("the file is not valid CSV: " + e.getMessage()));
        }
    }

    private List<RowResult> check(List<Row> rows) {
        var seen = new HashSet<String>();
        var results = new ArrayList<RowResult>();
        for (var row : rows) {
            var problems = new ArrayList<String>();
            Stream.of(
                            AccountValidation.displayNameProblem(row.name()),
                            AccountValidation.usernameProblem(row.username()),
                            AccountValidation.emailProblem(row.email()))
                    .filter(Objects::nonNull)
                    .forEach(problems::add);
            if (row.cohort() != null && row.cohort().length() > 120) {
                problems.add("cohort name is longer than 120 characters");
            }
            if (!row.username().isEmpty() && !seen.add(row.username())) {
                problems.add("username '" + row.username() + "' appears twice in this file");
            } else if (!row.username().isEmpty() && users.existsByUsername(row.username())) {
                problems.add("username '" + row.username() + "' already exists");
            }
            results.add(new RowResult(
                    row.line(),
                    row.username(),
                    row.cohort(),
                    null,
                    problems.stream().map(p -> "line " + row.line() + ": " + p).toList()));
        }
        return results;
    }
}
