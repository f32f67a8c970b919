/// Which Together this is: `together --version` prints it, and what Together writes can say it.
public enum TogetherVersion {
    public static let number = "0.9.0"
}
