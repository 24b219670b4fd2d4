package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PasswordLockoutTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void onlyWrongPasswordsWithinTenMinutesCount() {
        PasswordLockout lockout = new PasswordLockout(3, clock);
        assertThat(lockout.failed("a")).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(lockout.failed("a")).isFalse();
        clock.advance(Duration.ofMinutes(5));
        // the first one is more than ten minutes old now
        assertThat(lockout.failed("a")).isFalse();
        assertThat(lockout.isLocked("a")).isFalse();
        assertThat(lockout.failed("a")).isTrue();
        assertThat(lockout.isLocked("a")).isTrue();
        assertThat(lockout.isLocked("b")).isFalse();
    }

    @Test
    void theLockoutLastsTenMinutesAndThenTheCountStartsAfresh() {
        PasswordLockout lockout = new PasswordLockout(2, clock);
        lockout.failed("a");
        lockout.failed("a");
        clock.advance(PasswordLockout.WINDOW.minusSeconds(1));
        assertThat(lockout.isLocked("a")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lockout.isLocked("a")).isFalse();
        assertThat(lockout.failed("a")).isFalse();
    }

    @Test
    void zeroAttemptsTurnsItOff() {
        PasswordLockout lockout = new PasswordLockout(0, clock);
        for (int i = 0; i < 100; i++) {
            assertThat(lockout.failed("a")).isFalse();
        }
        assertThat(lockout.isLocked("a")).isFalse();
    }

    @Test
    void staleAddressesAreSweptOut() {
        PasswordLockout lockout = new PasswordLockout(5, clock);
        for (int i = 0; i < 2000; i++) {
            lockout.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        clock.advance(Duration.ofMinutes(11));
        lockout.failed("10.9.9.9");
        assertThat(lockout.failed("10.9.9.9")).isFalse();
        assertThat(lockout.tracked()).isLessThanOrEqualTo(1);
    }

}
