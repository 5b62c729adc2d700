package dev.hostedsite.argocd.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ObjectKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Argo CD's sync of one Application, step by step, over a {@link SimulatedHub}. It follows
 * argoproj/gitops-engine {@code pkg/sync/sync_context.go} ({@code Sync}, {@code getSyncTasks},
 * {@code runTasks}, {@code pruneObject}) and {@code pkg/sync/sync_tasks.go} (task order):
 * <ol>
 *   <li>Tasks: one per desired object (apply) and one per live object of the Application that the desired
 *       state lacks (prune). Phase from the {@code argocd.argoproj.io/hook} annotation (PreSync, Sync,
 *       PostSync; none means Sync), wave from {@code argocd.argoproj.io/sync-wave} (the live object's for a
 *       prune). Prune waves are mirrored (the lowest prune wave runs where the highest was, ...), so deletion
 *       runs in reverse wave order; {@code PruneLast=true} moves a prune after the last wave. Order: phase,
 *       wave, kind (Namespace, Secret, ConfigMap, Role, then the rest), name.</li>
 *   <li>Dry run, once: a custom resource whose CRD is not installed fails the whole sync ("one or more objects
 *       failed to apply (dry run)") unless it carries {@code SkipDryRunOnMissingResource=true}.</li>
 *   <li>Each step: applied tasks whose object is Healthy (or has no health) succeed, Degraded fails the sync;
 *       while any is still running (a multi-phase or multi-wave sync), wait. Then run every pending task of
 *       the lowest phase and wave — the first wave with an out-of-sync or unhealthy resource — prunes first:
 *       a prune of an object with {@code Prune=confirm} stops the sync ("Waiting for pruning confirmation"):
 *       the operation stays Running, no other sync starts, and {@link #confirmPruning} resumes it (argo-cd
 *       controller/sync.go passes the Application's {@code argocd.argoproj.io/deletion-approved} annotation,
 *       when newer than the operation's start, to gitops-engine as {@code WithPruneConfirmed}); {@code Prune=false} and a sync without prune skip it. An apply the API server refuses
 *       fails the sync. If that was the last phase and wave, the sync has Succeeded, even if its objects are
 *       not Healthy yet.</li>
 * </ol>
 * Between steps the hub ticks once. What this leaves out: hooks other than ordering (no hook objects are
 * rendered), retries, self-heal, the 2 s delay between waves ({@code ARGOCD_SYNC_WAVE_DELAY}),
 * server-side apply field ownership, diffing (every desired object is applied, as without
 * {@code ApplyOutOfSyncOnly}), finalizers (deletion completes in one tick).
 */
final class SyncSimulator {
    static final String WAVE = "argocd.argoproj.io/sync-wave";
    static final String OPTIONS = "argocd.argoproj.io/sync-options";
    static final String HOOK = "argocd.argoproj.io/hook";
    private static final List<String> PHASES = List.of("PreSync", "Sync", "PostSync");
    /** gitops-engine pkg/sync/sync_tasks.go kindOrder, the part that matters for what we render. */
    private static final List<String> KIND_ORDER = List.of("Namespace", "Secret", "ConfigMap", "Role");

    /**
     * How a sync ended.
     *
     * @param phase Succeeded, Failed, or Running (stopped: waiting for confirmation, or out of ticks)
     * @param message Argo CD's operation message, or what it still waited for when the ticks ran out
     * @param pruned objects deleted by this sync, in order
     * @param awaitingConfirmation objects whose prune waits for confirmation
     */
    record Outcome(String phase, String message, int ticks, List<ObjectKey> pruned, List<ObjectKey> awaitingConfirmation) {
        boolean succeeded() {
            return phase.equals("Succeeded");
        }
    }

    /** Application sync policy: {@code prune} (automated.prune). */
    record Policy(boolean prune) {
        static final Policy AUTOMATED = new Policy(true);
    }

    /**
     * One sync operation: its tasks (fixed when it starts: the revision it syncs), what it pruned, and whether a
     * person approved pruning ({@code argocd app confirm-deletion}: the {@code argocd.argoproj.io/deletion-approved}
     * annotation, newer than the operation's start, which argo-cd's controller passes to gitops-engine as
     * {@code WithPruneConfirmed}).
     */
    private static final class Operation {
        final List<Task> tasks;
        final Policy policy;
        final List<ObjectKey> pruned = new ArrayList<>();
        boolean pruneConfirmed;
        Outcome waiting;

        Operation(List<Task> tasks, Policy policy) {
            this.tasks = tasks;
            this.policy = policy;
        }
    }

    private static final class Task {
        final ObjectKey key;
        final ObjectNode target;
        final ObjectNode liveAtStart;
        final String phase;
        int wave;
        String state = "";
        String message = "";

        Task(ObjectKey key, ObjectNode target, ObjectNode live) {
            this.key = key;
            this.target = target;
            this.liveAtStart = live;
            JsonNode source = target != null ? target : live;
            JsonNode a = source.path("metadata").path("annotations");
            this.phase = a.has(HOOK) ? a.path(HOOK).asText() : "Sync";
            this.wave = a.has(WAVE) ? Integer.parseInt(a.path(WAVE).asText()) : 0;
        }

        boolean prune() {
            return target == null;
        }

        boolean pending() {
            return state.isEmpty();
        }
    }

    private final SimulatedHub hub;
    private final String app;
    private final Health.ArgoCd argo;
    /** The operation waiting for pruning confirmation: it stays Running and no other sync starts meanwhile. */
    private Operation waitingOperation;
    /** The objects this Application tracks (Argo CD's tracking label/annotation). */
    private final Set<ObjectKey> tracked = new TreeSet<>();

    SyncSimulator(SimulatedHub hub, String app) {
        this(hub, app, Health.ArgoCd.DEFAULT);
    }

    SyncSimulator(SimulatedHub hub, String app, Health.ArgoCd argo) {
        this.hub = hub;
        this.app = app;
        this.argo = argo;
    }

    /** The health Argo CD sees for a live object (null: none for its kind). */
    private Health.Status health(ObjectNode live) {
        return live == null ? new Health.Status("Missing", "not found") : Health.of(live, argo);
    }

    Set<ObjectKey> tracked() {
        return tracked;
    }

    String app() {
        return app;
    }

    /**
     * Starts a sync operation of {@code desired} and runs it for at most {@code maxTicks} hub ticks. While an
     * earlier operation waits for pruning confirmation it stays Running, and Argo CD starts no other sync (the
     * application controller's auto-sync skips an Application whose operation is in progress; a manual sync is
     * refused with "another operation is already in progress"): this returns that operation's outcome and
     * applies nothing.
     */
    Outcome sync(List<ObjectNode> desired, Policy policy, int maxTicks) {
        if (waitingOperation != null) {
            Outcome w = waitingOperation.waiting;
            return new Outcome("Running", "another operation is already in progress: " + w.message(), 0, List.of(),
                    w.awaitingConfirmation());
        }
        Operation op = new Operation(tasks(desired), policy);
        String dryRun = dryRun(op.tasks);
        if (dryRun != null) {
            return new Outcome("Failed", "one or more objects failed to apply (dry run): " + dryRun, 0, op.pruned, List.of());
        }
        return run(op, maxTicks);
    }

    /**
     * A person approves pruning: the operation that waits resumes where it stopped (same revision, same
     * tasks) and runs for at most {@code maxTicks} ticks.
     *
     * @throws IllegalStateException when no operation waits for confirmation
     */
    Outcome confirmPruning(int maxTicks) {
        if (waitingOperation == null) {
            throw new IllegalStateException("no operation waits for pruning confirmation");
        }
        Operation op = waitingOperation;
        waitingOperation = null;
        op.pruneConfirmed = true;
        return run(op, maxTicks);
    }

    private Outcome run(Operation op, int maxTicks) {
        List<Task> tasks = op.tasks;
        Policy policy = op.policy;
        List<ObjectKey> pruned = op.pruned;
        int start = hub.ticks();
        while (hub.ticks() - start <= maxTicks) {
            List<Task> running = new ArrayList<>();
            for (Task t : tasks) {
                if (!t.state.equals("Running")) {
                    continue;
                }
                Health.Status h = health(hub.get(t.key));
                if (h == null || h.healthy()) {
                    t.state = "Succeeded";
                } else if (h.status().equals("Degraded")) {
                    t.state = "Failed";
                    t.message = h.message();
                } else {
                    t.message = h.toString();
                    running.add(t);
                }
            }
            if (multiStep(tasks) && !running.isEmpty()) {
                hub.tick();
                continue;
            }
            boolean deleting = tasks.stream().anyMatch(t -> t.prune() && t.state.equals("Succeeded")
                    && hub.get(t.key) != null && hub.get(t.key).path("metadata").has("deletionTimestamp"));
            if (deleting) {
                hub.tick();
                continue;
            }
            List<Task> failed = tasks.stream().filter(t -> t.state.equals("Failed")).toList();
            if (!failed.isEmpty()) {
                return new Outcome("Failed", "one or more synchronization tasks completed unsuccessfully: "
                        + describe(failed), hub.ticks() - start, pruned, List.of());
            }
            List<Task> pending = tasks.stream().filter(Task::pending).toList();
            if (pending.isEmpty()) {
                return new Outcome("Succeeded", "successfully synced (no more tasks)", hub.ticks() - start, pruned, List.of());
            }
            String phase = pending.get(0).phase;
            int wave = pending.get(0).wave;
            List<Task> now = pending.stream().filter(t -> t.phase.equals(phase) && t.wave == wave).toList();
            boolean last = now.size() == pending.size();

            List<Task> prunes = now.stream().filter(Task::prune).toList();
            if (!op.pruneConfirmed && policy.prune()) {
                List<ObjectKey> confirm = prunes.stream().filter(t -> hasOption(t.liveAtStart, "Prune=confirm"))
                        .map(t -> t.key).toList();
                if (!confirm.isEmpty()) {
                    op.waiting = new Outcome("Running", "Waiting for pruning confirmation of " + SimulatedHub.describe(confirm.get(0))
                            + (confirm.size() > 1 ? " and " + (confirm.size() - 1) + " more resources" : "")
                            + " (phase " + phase + ", wave " + wave + ")", hub.ticks() - start, List.copyOf(pruned), confirm);
                    waitingOperation = op;
                    return op.waiting;
                }
            }
            for (Task t : prunes) {
                if (!policy.prune()) {
                    t.state = "Succeeded";
                    t.message = "ignored (requires pruning)";
                } else if (hasOption(t.liveAtStart, "Prune=false")) {
                    t.state = "Succeeded";
                    t.message = "ignored (no prune)";
                } else {
                    hub.delete(t.key);
                    tracked().remove(t.key);
                    pruned.add(t.key);
                    t.state = "Succeeded";
                    t.message = "pruned";
                }
            }
            for (Task t : now) {
                if (t.prune()) {
                    continue;
                }
                try {
                    hub.apply(t.target);
                    tracked().add(t.key);
                    t.state = "Running";
                } catch (SimulatedHub.ApiError e) {
                    t.state = "Failed";
                    t.message = e.getMessage();
                }
            }
            if (now.stream().anyMatch(t -> t.state.equals("Failed"))) {
                return new Outcome("Failed", "one or more objects failed to apply: "
                        + describe(now.stream().filter(t -> t.state.equals("Failed")).toList()), hub.ticks() - start, pruned, List.of());
            }
            if (last) {
                return new Outcome("Succeeded", "successfully synced (all tasks run)", hub.ticks() - start, pruned, List.of());
            }
            hub.tick();
        }
        List<Task> waiting = tasks.stream().filter(t -> t.state.equals("Running")).toList();
        String where = waiting.isEmpty() ? "" : " at phase " + waiting.get(0).phase + ", wave " + waiting.get(0).wave;
        return new Outcome("Running", "sync did not finish in " + maxTicks + " ticks: waiting" + where
                + " for healthy state of " + describe(waiting), hub.ticks() - start, pruned, List.of());
    }

    /**
     * Ticks the hub until every object the Application tracks is Healthy (or has no health), at most
     * {@code maxTicks} times. Returns null when it converged, else the objects still not Healthy with their
     * status.
     */
    String converge(int maxTicks) {
        for (int i = 0; ; i++) {
            Map<ObjectKey, Health.Status> unhealthy = new LinkedHashMap<>();
            for (ObjectKey k : tracked()) {
                Health.Status h = health(hub.get(k));
                if (h != null && !h.healthy()) {
                    unhealthy.put(k, h);
                }
            }
            if (unhealthy.isEmpty()) {
                return null;
            }
            if (i == maxTicks) {
                StringBuilder b = new StringBuilder();
                unhealthy.forEach((k, h) -> b.append(b.length() == 0 ? "" : "; ").append(SimulatedHub.describe(k))
                        .append(" (").append(h).append(')'));
                return b.toString();
            }
            hub.tick();
        }
    }

    private List<Task> tasks(List<ObjectNode> desired) {
        List<Task> tasks = new ArrayList<>();
        Set<ObjectKey> wanted = new TreeSet<>();
        for (ObjectNode o : desired) {
            ObjectKey k = ObjectKey.of(o);
            wanted.add(k);
            tasks.add(new Task(k, o, hub.get(k)));
        }
        List<Task> prunes = new ArrayList<>();
        for (ObjectKey k : tracked()) {
            if (!wanted.contains(k) && hub.get(k) != null) {
                prunes.add(new Task(k, null, hub.get(k)));
            }
        }
        // Mirror the prune waves: gitops-engine getSyncTasks "reverse of sync wave (creation order)".
        List<Integer> pruneWaves = prunes.stream().map(t -> t.wave).distinct().sorted().toList();
        Map<Integer, Integer> mirrored = new HashMap<>();
        for (int i = 0; i < pruneWaves.size(); i++) {
            mirrored.put(pruneWaves.get(i), pruneWaves.get(pruneWaves.size() - 1 - i));
        }
        prunes.forEach(t -> t.wave = mirrored.get(t.wave));
        int lastSyncWave = 1 + tasks.stream().mapToInt(t -> t.wave).max().orElse(0);
        for (Task t : prunes) {
            if (hasOption(t.liveAtStart, "PruneLast=true")) {
                t.wave = Math.max(lastSyncWave, t.wave);
            }
        }
        tasks.addAll(prunes);
        tasks.sort(Comparator.comparingInt((Task t) -> PHASES.indexOf(t.phase))
                .thenComparingInt(t -> t.wave)
                .thenComparingInt(t -> {
                    int i = KIND_ORDER.indexOf(t.key.kind());
                    return i < 0 ? KIND_ORDER.size() : i;
                })
                .thenComparing(t -> t.key));
        return tasks;
    }

    private String dryRun(List<Task> tasks) {
        List<String> failures = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.prune() && !hub.hasApi(t.key.group()) && !hasOption(t.target, "SkipDryRunOnMissingResource=true")) {
                failures.add(SimulatedHub.describe(t.key) + ": the server could not find the requested resource");
            }
        }
        return failures.isEmpty() ? null : String.join("; ", failures);
    }

    private static boolean multiStep(List<Task> tasks) {
        return tasks.stream().map(t -> t.phase + "/" + t.wave).distinct().count() > 1;
    }

    static boolean hasOption(JsonNode o, String option) {
        String value = o.path("metadata").path("annotations").path(OPTIONS).asText("");
        return Arrays.stream(value.split(",")).map(String::trim).anyMatch(option::equals);
    }

    private static String describe(List<Task> tasks) {
        List<String> parts = new ArrayList<>();
        for (Task t : tasks) {
            parts.add(SimulatedHub.describe(t.key) + " (" + t.message + ")");
        }
        return String.join("; ", parts);
    }
}
