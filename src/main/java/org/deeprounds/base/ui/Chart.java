package org.deeprounds.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A line or bar chart drawn in the browser by uPlot (a small, fast canvas chart library) through the
 * {@code <dr-chart>} element in {@code charts/dr-chart.js}. Both files are static resources, so the Vaadin bundle
 * needs no rebuild; the server only sends the numbers.
 */
@Tag("dr-chart")
public class Chart extends Component {

    private static final String UPLOT = "/webjars/uplot/1.6.30/dist/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One series; {@code null} values leave gaps. */
    public record Series(String label, String color, List<? extends Number> values, boolean dash) {}

    /** A shaded horizontal band, e.g. the healthy range of a ratio. */
    public record Band(double from, double to, String label) {}

    private final Map<String, Object> config = new LinkedHashMap<>();

    public Chart(String title, String xLabel, String yLabel) {
        config.put("title", title);
        config.put("xLabel", xLabel);
        config.put("yLabel", yLabel);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var page = event.getUI().getPage();
        page.addStyleSheet(UPLOT + "uPlot.min.css");
        page.addJavaScript(UPLOT + "uPlot.iife.min.js");
        page.addJavaScript("/charts/dr-chart.js");
    }

    /** Lines over {@code x}. */
    public void lines(List<? extends Number> x, List<Series> series, Band band) {
        draw("line", x, series, band);
    }

    /** Bars, one per {@code x} (e.g. histogram bin centres). */
    public void bars(List<? extends Number> x, Series series) {
        draw("bars", x, List.of(series), null);
    }

    public void setSize(int width, int height) {
        config.put("width", width);
        config.put("height", height);
    }

    private void draw(String kind, List<? extends Number> x, List<Series> series, Band band) {
        config.put("kind", kind);
        config.put("x", x);
        var list = new ArrayList<Map<String, Object>>();
        for (var s : series) {
            var m = new LinkedHashMap<String, Object>();
            m.put("label", s.label());
            m.put("color", s.color());
            m.put("values", s.values());
            m.put("dash", s.dash());
            list.add(m);
        }
        config.put("series", list);
        if (band != null) {
            config.put("band", band);
        } else {
            config.remove("band");
        }
        getElement().setProperty("config", JSON.writeValueAsString(config));
        getElement().setAttribute("data-sent", Integer.toString(x.size()));
    }
}
