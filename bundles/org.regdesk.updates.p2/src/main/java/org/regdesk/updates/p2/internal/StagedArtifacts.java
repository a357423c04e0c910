package org.regdesk.updates.p2.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.spi.ArtifactDescriptor;
import org.regdesk.updates.UpdateException;
import org.regdesk.updates.UpdateException.Problem;

/**
 * A private, temporary p2 artifact repository holding the jars a change adds, downloaded (with p2's
 * checksum check) from the update repository as the canonical jars, so they can be checked before
 * anything is installed, and installed from here only. Deleted when closed.
 */
final class StagedArtifacts implements AutoCloseable {

    private final IArtifactRepositoryManager manager;
    private final Path directory;
    private final IFileArtifactRepository repository;

    private StagedArtifacts(IArtifactRepositoryManager manager, Path directory, IFileArtifactRepository repository) {
        this.manager = manager;
        this.directory = directory;
        this.repository = repository;
    }

    static StagedArtifacts create(IProvisioningAgent agent) throws UpdateException {
        IArtifactRepositoryManager manager = agent.getService(IArtifactRepositoryManager.class);
        try {
            Path directory = Files.createTempDirectory("regdesk-driver-update");
            IArtifactRepository repository = manager.createRepository(directory.toUri(), "RegDesk staged driver update",
                    IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, Map.of());
            return new StagedArtifacts(manager, directory, (IFileArtifactRepository) repository);
        } catch (IOException | ProvisionException e) {
            throw new UpdateException(Problem.FAILED, "staging area: " + e.getMessage(), e);
        }
    }

    URI location() {
        return directory.toUri();
    }

    /** Downloads every artifact of the IUs the plan adds; returns the staged jars. */
    List<File> download(URI from, IProvisioningPlan plan) throws UpdateException {
        IArtifactRepository source;
        try {
            source = manager.loadRepository(from, new NullProgressMonitor());
        } catch (ProvisionException | RuntimeException e) {
            throw new UpdateException(Problem.REPOSITORY_UNREACHABLE, from + ": " + e.getMessage(), e);
        }
        List<File> jars = new ArrayList<>();
        for (IInstallableUnit unit : plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null)) {
            for (IArtifactKey key : unit.getArtifacts()) {
                IArtifactDescriptor canonical = Arrays.stream(source.getArtifactDescriptors(key))
                        .filter(descriptor -> descriptor.getProperty(IArtifactDescriptor.FORMAT) == null).findFirst()
                        .orElseThrow(() -> new UpdateException(Problem.NOT_FOUND, key + " is not in " + from));
                ArtifactDescriptor copy = new ArtifactDescriptor(canonical);
                try (OutputStream out = repository.getOutputStream(copy)) {
                    P2Problems.check(source.getArtifact(canonical, out, new NullProgressMonitor()));
                } catch (ProvisionException | IOException e) {
                    throw new UpdateException(Problem.REPOSITORY_UNREACHABLE, key + ": " + e.getMessage(), e);
                }
                File jar = repository.getArtifactFile(copy);
                if (jar == null) {
                    throw new UpdateException(Problem.FAILED, key + " was not staged");
                }
                jars.add(jar);
            }
        }
        return jars;
    }

    @Override
    public void close() {
        manager.removeRepository(directory.toUri());
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
