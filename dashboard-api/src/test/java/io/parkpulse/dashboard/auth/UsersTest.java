package io.parkpulse.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {

    static final PasswordHasher CHEAP = PasswordHasherTest.CHEAP;

    @TempDir
    Path dir;

    @Test
    void reads_the_three_roles() throws Exception {
        String h = CHEAP.hash("pw-ops");
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, """
                users:
                  - username: root
                    role: admin
                    password_hash: "%1$s"
                  - username: control-room
                    name: 控制室
                    role: operator
                    parks: [demo-park, park-b]
                    password_hash: %1$s
                  - username: huadong
                    role: enterprise
                    park: demo-park
                    enterprise: ent-huadong-precision
                    password_hash: '%1$s'
                """.formatted(h));
        Users users = Users.read(file);
        assertThat(users.size()).isEqualTo(3);
        assertThat(users.find("root").orElseThrow().access()).isEqualTo(Caller.admin("root"));
        User ops = users.find("control-room").orElseThrow();
        assertThat(ops.displayName()).isEqualTo("控制室");
        assertThat(ops.access().parks()).isEqualTo(Set.of("demo-park", "park-b"));
        assertThat(ops.access().mayRead("park-b")).isTrue();
        assertThat(ops.access().mayRead("park-c")).isFalse();
        User firm = users.find("huadong").orElseThrow();
        assertThat(firm.displayName()).isEqualTo("huadong");
        assertThat(firm.access()).isEqualTo(Caller.enterprise("huadong", "demo-park", "ent-huadong-precision"));
        assertThat(users.authenticate("control-room", "pw-ops")).contains(ops);
        assertThat(users.authenticate("control-room", "pw-op")).isEmpty();
        assertThat(users.authenticate("nobody", "pw-ops")).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
        // neither an account nor the set of them shows a hash when logged
        assertThat(ops.toString()).doesNotContain("argon2").contains("control-room");
        assertThat(users.toString()).doesNotContain("argon2");
    }

    @Test
    void every_problem_is_named_with_file_line_and_field_and_no_hash_is_echoed() throws Exception {
        String h = CHEAP.hash("pw");
        Path file = dir.resolve("bad-users.yaml");
        Files.writeString(file, """
                users:
                  - username: ok
                    role: admin
                    password_hash: %1$s
                  - username: "bad name"
                    role: boss
                    password_hash: %1$s
                  - username: ops
                    role: operator
                    park: demo-park
                    password_hash: plain-text-password
                  - username: firm
                    role: enterprise
                    park: demo-park
                    pasword_hash: %1$s
                  - username: ok
                    role: admin
                    password_hash: %1$s
                """.formatted(h));
        assertThatThrownBy(() -> Users.read(file))
                .hasMessageContaining(file + ":5:15: users[1].username: must be 1 to 64 letters")
                .hasMessageContaining(file + ":6:11: users[1].role: must be admin, operator or enterprise, got \"boss\"")
                .hasMessageContaining(file + ":8:5: users[2].parks: is required")
                .hasMessageContaining(file + ":10:11: users[2].park: an operator lists its parks under parks:")
                .hasMessageContaining(file + ":11:20: users[2].password_hash: must be an Argon2id hash in PHC form")
                .hasMessageContaining(file + ":15:19: users[3].pasword_hash: unknown key; did you mean \"password_hash\"?")
                .hasMessageContaining(file + ":12:5: users[3].enterprise: is required")
                .hasMessageContaining(file + ":16:5: users[4].username: \"ok\" is listed twice")
                .message().doesNotContain("plain-text-password");
    }

    @Test
    void a_file_that_is_not_a_users_list_says_so() throws Exception {
        Path file = dir.resolve("u.yaml");
        Files.writeString(file, "users: [a: b\n");
        assertThatThrownBy(() -> Users.read(file)).hasMessageContaining(file + ":2:1: not valid YAML");
        Files.writeString(file, "user:\n  - username: x\n");
        assertThatThrownBy(() -> Users.read(file)).hasMessageContaining(file + ":2:3: user: unknown key; did you mean \"users\"?")
                .hasMessageContaining("users: is required");
        assertThatThrownBy(() -> Users.read(dir.resolve("missing.yaml"))).hasMessageContaining("cannot read the users file");
    }

    @Test
    void the_demo_writer_makes_a_file_that_reads_back_with_its_generated_passwords() throws Exception {
        Path file = dir.resolve("demo").resolve("users.yaml");
        Map<String, String> passwords = UsersFileWriter.writeWithGeneratedPasswords(file, List.of(
                new UsersFileWriter.Account(Caller.admin("admin"), "管理员"),
                new UsersFileWriter.Account(Caller.operator("operator", List.of("demo-park")), "Control \"room\"\nB"),
                new UsersFileWriter.Account(Caller.enterprise("huadong", "demo-park", "ent-huadong-precision"), null)), CHEAP);
        assertThat(passwords.keySet()).containsExactly("admin", "operator", "huadong");
        assertThat(passwords.values()).allMatch(p -> p.length() == UsersFileWriter.PASSWORD_LENGTH).doesNotHaveDuplicates();
        String text = Files.readString(file);
        passwords.values().forEach(p -> assertThat(text).doesNotContain(p));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Users users = Users.read(file);
        assertThat(users.find("admin").orElseThrow().displayName()).isEqualTo("管理员");
        assertThat(users.find("operator").orElseThrow().displayName()).isEqualTo("Control \"room\"\nB");
        passwords.forEach((user, password) -> assertThat(users.authenticate(user, password)).isPresent());
        assertThat(users.authenticate("admin", passwords.get("operator"))).isEmpty();
    }
}
