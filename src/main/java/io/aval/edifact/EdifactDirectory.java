package io.aval.edifact;

/** The UN/EDIFACT directories Aval maps to, with the namespace the stock Smooks reader uses for each. */
public enum EdifactDirectory {
    D96A("96A"),
    D01B("01B");

    private final String release;

    EdifactDirectory(String release) {
        this.release = release;
    }

    /** UNH S009 0054, e.g. {@code 96A}. */
    public String release() {
        return release;
    }

    /** The XML namespace of the stock reader's messages for this directory. */
    public String namespace() {
        return "http://www.ibm.com/dfdl/edi/un/edifact/" + name();
    }

    /** The schema pack entry point for the stock {@code edifact:parser}. */
    public String schemaUri() {
        return "/" + name().toLowerCase() + "/EDIFACT-Messages.dfdl.xsd";
    }

    /** File-name suffix used under {@code mappings/}: {@code to-d96a.xsl}. */
    public String mappingSuffix() {
        return name().toLowerCase();
    }

    public static EdifactDirectory fromRelease(String version, String release) {
        for (EdifactDirectory d : values()) {
            if (d.release.equalsIgnoreCase(release) && "D".equalsIgnoreCase(version)) {
                return d;
            }
        }
        throw new TranslationException(TranslationException.Failure.UNSUPPORTED_DIRECTORY,
                "EDIFACT directory " + version + ":" + release + " is not supported (supported: D96A, D01B)", null, null);
    }
}
