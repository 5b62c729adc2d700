package dev.hostedsite.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file-system error in words for the user: what went wrong, where (the file), what to do. The JDK's exceptions
 * carry only the path ({@code FileAlreadyExistsException: /tmp/afile}), which alone tells nothing.
 */
final class IoProblem {
    private IoProblem() {}

    /** {@code FILE: what is wrong: what to do}, for any IOException (its own message when it has no file). */
    static String describe(IOException e) {
        if (!(e instanceof FileSystemException f) || f.getFile() == null) {
            String m = e.getMessage();
            return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m)
                    + ": check the paths given and their permissions";
        }
        String file = f.getFile() + (f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")");
        String reason = f.getReason();
        if (e instanceof FileAlreadyExistsException) {
            return file + ": " + (reason != null ? reason : "exists already, and is not a directory")
                    + ": a directory was needed there; give a directory, or a path that does not exist yet";
        }
        if (e instanceof NoSuchFileException) {
            return file + ": no such file or directory: check the path (a parent folder may be missing)";
        }
        if (e instanceof NotDirectoryException) {
            return file + ": not a directory: give a directory there";
        }
        if (e instanceof AccessDeniedException) {
            return file + ": permission denied: give a path you may read (or write, for output), or change its permissions";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return file + ": the directory is not empty, so it cannot be replaced: move it away and run again";
        }
        return file + ": " + (reason != null ? reason : e.getClass().getSimpleName())
                + ": check the path, its permissions and the free space";
    }
}
