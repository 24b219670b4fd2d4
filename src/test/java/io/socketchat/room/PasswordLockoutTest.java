package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.socketchat.accounts.Lockout;

import org.junit.jupiter.api.Test;

class PasswordLockoutTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void onlyWrongPasswordsWithinTenMinutesCount() {
        Lockout<String> lockout = new Lockout<>(3, clock, 1024);
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
        Lockout<String> lockout = new Lockout<>(2, clock, 1024);
        lockout.failed("a");
        lockout.failed("a");
        clock.advance(Lockout.WINDOW.minusSeconds(1));
        assertThat(lockout.isLocked("a")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lockout.isLocked("a")).isFalse();
        assertThat(lockout.failed("a")).isFalse();
    }

    @Test
    void zeroAttemptsTurnsItOff() {
        Lockout<String> lockout = new Lockout<>(0, clock, 1024);
        for (int i = 0; i < 100; i++) {
            assertThat(lockout.failed("a")).isFalse();
        }
        assertThat(lockout.isLocked("a")).isFalse();
    }

    @Test
    void staleAddressesAreSweptOut() {
        Lockout<String> lockout = new Lockout<>(5, clock, 1024);
        for (int i = 0; i < 2000; i++) {
            lockout.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        clock.advance(Duration.ofMinutes(11));
        lockout.failed("10.9.9.9");
        assertThat(lockout.failed("10.9.9.9")).isFalse();
        assertThat(lockout.tracked()).isLessThanOrEqualTo(1);
    }

}
