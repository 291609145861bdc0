/**
 * How the worker may be contacted.
 */
export interface Contact {
    /**
     * Phone number as given, at most 40 bytes. Empty: none.
     */
    'phone'?: (string);
    /**
     * E-mail address as given, at most 200 bytes. Empty: none.
     */
    'email'?: (string);
    /**
     * True when the worker agreed to share the contact details with partner companies.
     * False (the default): partners never receive phone or email.
     */
    'consentToShare'?: (boolean);
}
/**
 * How the worker may be contacted.
 */
export interface Contact__Output {
    /**
     * Phone number as given, at most 40 bytes. Empty: none.
     */
    'phone': (string);
    /**
     * E-mail address as given, at most 200 bytes. Empty: none.
     */
    'email': (string);
    /**
     * True when the worker agreed to share the contact details with partner companies.
     * False (the default): partners never receive phone or email.
     */
    'consentToShare': (boolean);
}
