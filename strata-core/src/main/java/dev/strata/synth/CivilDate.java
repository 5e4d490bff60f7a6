package dev.strata.synth;

/**
 * Proleptic Gregorian date arithmetic on epoch days, allocation-free (the algorithm of Howard
 * Hinnant's "chrono-compatible low-level date algorithms"). The generator formats tens of millions
 * of timestamps, so it avoids {@code java.time} objects on that path.
 */
final class CivilDate {

    private CivilDate() {
    }

    /** The date of an epoch day packed as {@code year * 10000 + month * 100 + day}. */
    static long ymd(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }

    static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = month > 2 ? month - 3 : month + 9;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    static int year(long epochDay) {
        return (int) (ymd(epochDay) / 10_000);
    }

    /** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    /**
     * Age in whole years on a UTC day for someone born on {@code birthDay} at midnight UTC, the
     * rule of the segment language's {@code age()}: a birthday on 29 February is reached on
     * 1 March in common years.
     */
    static int ageOn(long birthDay, long day) {
        long b = ymd(birthDay);
        long t = ymd(day);
        int age = (int) (t / 10_000 - b / 10_000);
        return t % 10_000 < b % 10_000 ? age - 1 : age;
    }

    /** The first UTC day on which someone born on {@code birthDay} is {@code years} old. */
    static long dayTurning(long birthDay, int years) {
        long b = ymd(birthDay);
        long y = b / 10_000 + years;
        int month = (int) (b / 100 % 100);
        int day = (int) (b % 100);
        if (month == 2 && day == 29 && !isLeap(y)) {
            return epochDay(y, 3, 1);
        }
        return epochDay(y, month, day);
    }

    static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }
}
