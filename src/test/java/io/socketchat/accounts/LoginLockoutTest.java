package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The brute-force rule: per address and account, five in ten minutes, ten minutes out.
 */
class LoginLockoutTest {

    private Instant now = Instant.parse("2026-12-04T12:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final LoginLockout lockout = new LoginLockout(5, clock);

    @Test
    void theFifthWrongAnswerLocksThatAddressOutOfThatAccountForTenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(lockout.failed("10.0.0.1", "alice")).isFalse();
        }
        assertThat(lockout.failed("10.0.0.1", "alice")).isTrue();
        assertThat(lockout.isLocked("10.0.0.1", "alice")).isTrue();
        assertThat(lockout.isLocked("10.0.0.2", "alice")).isFalse();
        assertThat(lockout.isLocked("10.0.0.1", "bob")).isFalse();

        now = now.plus(Duration.ofMinutes(10));
        assertThat(lockout.isLocked("10.0.0.1", "alice")).isFalse();
    }

    @Test
    void wrongAnswersOlderThanTenMinutesNoLongerCount() {
        for (int i = 0; i < 4; i++) {
            lockout.failed("10.0.0.1", "alice");
        }
        now = now.plus(Duration.ofMinutes(10));
        assertThat(lockout.failed("10.0.0.1", "alice")).isFalse();
    }

    @Test
    void aRightAnswerStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            lockout.failed("10.0.0.1", "alice");
        }
        lockout.succeeded("10.0.0.1", "alice");
        assertThat(lockout.failed("10.0.0.1", "alice")).isFalse();
    }

    @Test
    void zeroAttemptsTurnsItOff() {
        LoginLockout off = new LoginLockout(0, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(off.failed("10.0.0.1", "alice")).isFalse();
        }
        assertThat(off.isLocked("10.0.0.1", "alice")).isFalse();
    }

    @Test
    void inviteCodesAreRandomGroupsOfFourReadBackWithoutCaseOrDashes() {
        String code = InviteCode.next();
        assertThat(code).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").doesNotContain("0", "1", "o", "l", "i");
        assertThat(InviteCode.next()).isNotEqualTo(code);
        assertThat(InviteCode.normalized(" " + code.toUpperCase() + " ")).isEqualTo(code.replace("-", ""));
    }

}
