package dev.strata.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CivilDateTest {

    @Test
    void agreesWithLocalDateOverFourCenturies() {
        for (long day = LocalDate.of(1800, 1, 1).toEpochDay(); day < LocalDate.of(2200, 1, 1).toEpochDay(); day += 3) {
            LocalDate d = LocalDate.ofEpochDay(day);
            assertThat(CivilDate.ymd(day)).isEqualTo(d.getYear() * 10_000L + d.getMonthValue() * 100L + d.getDayOfMonth());
            assertThat(CivilDate.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(day);
            assertThat(CivilDate.dayOfWeek(day)).isEqualTo(d.getDayOfWeek().getValue() - 1);
        }
    }

    @Test
    void ageTurnsOnTheBirthdayAndLeapDayBirthdaysTurnOnTheFirstOfMarch() {
        long birth = LocalDate.of(1960, 5, 17).toEpochDay();
        assertThat(CivilDate.ageOn(birth, LocalDate.of(2025, 5, 16).toEpochDay())).isEqualTo(64);
        assertThat(CivilDate.ageOn(birth, LocalDate.of(2025, 5, 17).toEpochDay())).isEqualTo(65);
        assertThat(CivilDate.dayTurning(birth, 65)).isEqualTo(LocalDate.of(2025, 5, 17).toEpochDay());

        long leap = LocalDate.of(1960, 2, 29).toEpochDay();
        assertThat(CivilDate.ageOn(leap, LocalDate.of(2025, 2, 28).toEpochDay())).isEqualTo(64);
        assertThat(CivilDate.ageOn(leap, LocalDate.of(2025, 3, 1).toEpochDay())).isEqualTo(65);
        assertThat(CivilDate.dayTurning(leap, 65)).isEqualTo(LocalDate.of(2025, 3, 1).toEpochDay());
        assertThat(CivilDate.dayTurning(leap, 64)).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
    }
}
