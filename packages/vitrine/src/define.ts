/** Registers every Vitrine tag (each only if not yet defined). */
import '@vitrine/countdown/define';
