package dev.dyad.gephi;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.EdgeMergeStrategy;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Import opens GraphML files with the Gephi toolkit, headless, the way Gephi's File &gt; Open does with
 * the import report's defaults, and prints what Gephi made of each, one tab-separated record a line:
 *
 * <pre>
 * file   PATH
 * nodes  COUNT
 * edges  COUNT
 * node   ID  LABEL
 * edge   ID  SOURCE  TARGET  KIND  LABEL
 * issue  LEVEL  MESSAGE
 * </pre>
 *
 * <p>Usage: Import [--no-merge] FILE [[--no-merge] FILE]... Each file is imported into a new project.
 * With --no-merge before it, parallel edges of one kind are kept, as with the import report's "Edges
 * merge strategy: Don't merge"; without it Gephi's default (sum) merges them. Backslashes, tabs and
 * newlines in values are printed as \\, \t and \n.
 */
public final class Import {
    private Import() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        boolean noMerge = false;
        int files = 0;
        for (String arg : args) {
            if (arg.equals("--no-merge")) {
                noMerge = true;
                continue;
            }
            if (!importFile(new File(arg), noMerge, out)) {
                System.exit(1);
            }
            noMerge = false;
            files++;
        }
        if (files == 0) {
            System.err.println("usage: Import [--no-merge] FILE [[--no-merge] FILE]...");
            System.exit(2);
        }
        out.flush();
        System.exit(0); // the NetBeans lookup leaves non-daemon threads behind
    }

    private static boolean importFile(File file, boolean noMerge, PrintStream out) {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container;
        try {
            container = importer.importFile(file);
        } catch (Exception e) {
            System.err.println("gephi: " + file + ": " + e);
            return false;
        }
        if (container == null) {
            System.err.println("gephi: no importer took " + file);
            return false;
        }
        if (noMerge) {
            container.getLoader().setEdgesMergeStrategy(EdgeMergeStrategy.NO_MERGE);
        }
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        out.println("file\t" + clean(file.getPath()));
        print(model.getGraph(), container, out);
        projects.closeCurrentProject();
        return true;
    }

    private static void print(Graph graph, Container container, PrintStream out) {
        out.println("nodes\t" + graph.getNodeCount());
        out.println("edges\t" + graph.getEdgeCount());
        for (Node n : graph.getNodes()) {
            out.println("node\t" + clean(n.getId()) + "\t" + clean(n.getLabel()));
        }
        for (Edge e : graph.getEdges()) {
            out.println("edge\t" + clean(e.getId()) + "\t" + clean(e.getSource().getId()) + "\t"
                    + clean(e.getTarget().getId()) + "\t" + clean(e.getTypeLabel()) + "\t" + clean(e.getLabel()));
        }
        for (Iterator<Issue> it = container.getReport().getIssues(Integer.MAX_VALUE); it.hasNext(); ) {
            Issue issue = it.next();
            out.println("issue\t" + issue.getLevel() + "\t" + clean(issue.getMessage()));
        }
    }

    private static String clean(Object o) {
        if (o == null) {
            return "";
        }
        return o.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
