/**
 * A training the worker attended.
 */
export interface Training {
    /**
     * Programme name, e.g. "Operator Excavator". At most 200 bytes.
     */
    'programme'?: (string);
    /**
     * Institution, e.g. "BLKI Balikpapan", "LPK Sandy". At most 200 bytes.
     */
    'institution'?: (string);
    /**
     * Field of training as free text, e.g. "pengelasan". Searchable by a vacancy's keywords;
     * it never counts as a held skill (skills and certificates do). At most 200 bytes.
     */
    'field'?: (string);
    /**
     * Year completed; 0 means unknown. Otherwise 1950-2100.
     */
    'year'?: (number);
    /**
     * Last day of the training, "YYYY-MM-DD" (10 bytes): the cohort it belongs to in the
     * office's figures (figures.proto). Empty: not known (the figures then use 31 December
     * of `year`). When both are given, `year` must be the year of this date.
     */
    'endedOn'?: (string);
}
/**
 * A training the worker attended.
 */
export interface Training__Output {
    /**
     * Programme name, e.g. "Operator Excavator". At most 200 bytes.
     */
    'programme': (string);
    /**
     * Institution, e.g. "BLKI Balikpapan", "LPK Sandy". At most 200 bytes.
     */
    'institution': (string);
    /**
     * Field of training as free text, e.g. "pengelasan". Searchable by a vacancy's keywords;
     * it never counts as a held skill (skills and certificates do). At most 200 bytes.
     */
    'field': (string);
    /**
     * Year completed; 0 means unknown. Otherwise 1950-2100.
     */
    'year': (number);
    /**
     * Last day of the training, "YYYY-MM-DD" (10 bytes): the cohort it belongs to in the
     * office's figures (figures.proto). Empty: not known (the figures then use 31 December
     * of `year`). When both are given, `year` must be the year of this date.
     */
    'endedOn': (string);
}
