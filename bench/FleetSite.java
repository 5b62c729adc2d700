import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark input generator (not part of the function): a HostedSite with N clusters of three hosts each,
 * built from the example site's hub (packages/hosted-site/site.yaml, everything above "  clusters:").
 * Every cluster, host, MAC and BMC address is distinct, so the render succeeds.
 *
 * <pre>java bench/FleetSite.java N [--resource-list]   (run from the repository root)</pre>
 * Prints the HostedSite, or with --resource-list a KRM ResourceList holding it as its one item.
 */
public final class FleetSite {
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || args.length == 2 && !args[1].equals("--resource-list")) {
            System.err.println("usage: java bench/FleetSite.java N [--resource-list]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        if (n < 1 || n > 65536) {
            throw new IllegalArgumentException("N must be within 1..65536 (MACs are numbered with two bytes)");
        }
        String site = site(Files.readAllLines(Path.of("packages/hosted-site/site.yaml")), n);
        System.out.print(args.length == 2 ? resourceList(site) : site);
    }

    static String site(List<String> example, int n) {
        StringBuilder b = new StringBuilder();
        for (String line : example) {
            if (line.equals("  clusters:")) {
                break;
            }
            if (!line.startsWith("#")) {
                b.append(line.replace("name: lab", "name: fleet")).append('\n');
            }
        }
        b.append("  clusters:\n");
        for (int i = 0; i < n; i++) {
            cluster(b, i);
        }
        return b.toString();
    }

    private static void cluster(StringBuilder b, int i) {
        String c = String.format("c%04d", i);
        b.append("    - name: ").append(c).append('\n')
         .append("      release:\n")
         .append("        image: registry.example.krnl.es:5000/openshift/release-images@sha256:"
                 + "3c4d6a9c1e0fa43a5d8a2e58f1f5d3c0b9b7e2f1a6c4d8e0f2a4b6c8d0e2f4a6\n")
         .append("        version: 4.19.3\n")
         .append("      pullSecret:\n")
         .append("        value: '{\"auths\":{\"registry.example.krnl.es:5000\":{\"auth\":\"ZHVtbXk6ZHVtbXk=\"}}}'\n")
         .append("      sshAuthorizedKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0st3dExampleKeyOnlyForTheLabSite0000000 admin@lab\n")
         .append("      etcdEncryptionKey:\n")
         .append("        value: eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA=\n")
         .append("      networking:\n")
         .append("        clusterNetwork: [10.132.0.0/14]\n")
         .append("        serviceNetwork: [172.31.0.0/16]\n")
         .append("      apiServer:\n")
         .append("        publishing: LoadBalancer\n")
         .append("        hostname: api.").append(c).append(".example.krnl.es\n")
         .append("      nodePools:\n")
         .append("        - name: ").append(c).append('\n')
         .append("          hostSelector: {matchLabels: {pool: ").append(c).append("}}\n")
         .append("      hosts:\n");
        for (int h = 0; h < 3; h++) {
            int mac = i * 3 + h;
            b.append("        - name: ").append(c).append("-w").append(h).append('\n')
             .append(String.format("          bootMACAddress: \"52:54:%02x:%02x:%02x:%02x\"%n",
                     (mac >> 24) & 0xff, (mac >> 16) & 0xff, (mac >> 8) & 0xff, mac & 0xff))
             .append("          labels: {pool: ").append(c).append("}\n")
             .append("          bmc:\n")
             .append("            address: redfish-virtualmedia://[192.168.126.1]:9000/redfish/v1/Systems/local/")
             .append(c).append("-w").append(h).append('\n')
             .append("            credentials:\n")
             .append("              stringData: {username: admin, password: lab-password}\n");
        }
    }

    static String resourceList(String site) {
        StringBuilder b = new StringBuilder("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n");
        boolean first = true;
        for (String line : site.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            b.append(first ? "- " : "  ").append(line).append('\n');
            first = false;
        }
        return b.toString();
    }
}
