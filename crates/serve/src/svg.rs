//! Chart geometry for the server-drawn SVG pictures: mentions per day per outlet over a
//! story's life, and each disagreement's values as a dot plot. This module only computes
//! coordinates and labels; the `charts.html` template draws them (and escapes every label).

use storyline_analyse::{ClaimEntry, Date, StoryArticle};

/// Outlet colours, told apart by most forms of colour blindness (Okabe–Ito).
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

/// Drawing area and margins, in SVG user units.
const WIDTH: f64 = 640.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 14.0;

/// A point with the text shown when hovering it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// X coordinate.
    pub x: f64,
    /// Y coordinate.
    pub y: f64,
    /// Tooltip.
    pub title: String,
}

/// A text label at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// X coordinate.
    pub x: f64,
    /// Y coordinate.
    pub y: f64,
    /// The text.
    pub text: String,
}

/// One outlet's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Outlet name.
    pub name: String,
    /// Stroke colour.
    pub color: &'static str,
    /// `x,y x,y …` for a polyline.
    pub points: String,
    /// Its points, with tooltips.
    pub dots: Vec<Dot>,
    /// Where its legend entry sits.
    pub legend: Label,
}

/// Articles per day per outlet over a story's dated articles.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionsChart {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Y of the x axis.
    pub baseline: f64,
    /// One line per outlet.
    pub series: Vec<Series>,
    /// Dates under the x axis.
    pub x_labels: Vec<Label>,
    /// Counts beside the y axis.
    pub y_labels: Vec<Label>,
}

/// Plot height of the mentions chart.
const PLOT_HEIGHT: f64 = 150.0;

impl MentionsChart {
    /// The chart of `articles`; `None` when none is dated.
    pub fn new(articles: &[StoryArticle]) -> Option<MentionsChart> {
        let dated: Vec<(Date, &str)> = articles
            .iter()
            .filter_map(|a| {
                Some((
                    a.published?,
                    a.outlet.as_deref().unwrap_or("unknown outlet"),
                ))
            })
            .collect();
        let first = dated.iter().map(|d| d.0).min()?;
        let last = dated.iter().map(|d| d.0).max()?;
        let num_days = (last.num_days() - first.num_days()).max(0) as usize + 1;
        let mut outlets: Vec<&str> = dated.iter().map(|d| d.1).collect();
        outlets.sort_unstable();
        outlets.dedup();
        let mut counts = vec![vec![0u32; num_days]; outlets.len()];
        for (date, outlet) in &dated {
            if let Ok(o) = outlets.binary_search(outlet) {
                counts[o][(date.num_days() - first.num_days()) as usize] += 1;
            }
        }
        let max = counts.iter().flatten().copied().max().unwrap_or(1).max(1);
        let plot_width = WIDTH - LEFT - RIGHT;
        let x = |day: usize| {
            if num_days == 1 {
                LEFT + plot_width / 2.0
            } else {
                LEFT + plot_width * day as f64 / (num_days - 1) as f64
            }
        };
        let baseline = TOP + PLOT_HEIGHT;
        let y = |n: u32| baseline - PLOT_HEIGHT * f64::from(n) / f64::from(max);
        let series = outlets
            .iter()
            .zip(&counts)
            .enumerate()
            .map(|(i, (name, row))| {
                let dots: Vec<Dot> = row
                    .iter()
                    .enumerate()
                    .map(|(day, &n)| Dot {
                        x: round(x(day)),
                        y: round(y(n)),
                        title: format!("{name}, {}: {n}", first.add_days(day as i32)),
                    })
                    .collect();
                Series {
                    name: name.to_string(),
                    color: PALETTE[i % PALETTE.len()],
                    points: dots
                        .iter()
                        .map(|d| format!("{},{}", d.x, d.y))
                        .collect::<Vec<_>>()
                        .join(" "),
                    dots,
                    legend: Label {
                        x: LEFT + 120.0 * (i % 5) as f64,
                        y: baseline + 40.0 + 16.0 * (i / 5) as f64,
                        text: name.to_string(),
                    },
                }
            })
            .collect::<Vec<_>>();
        // At most about six date labels, whatever the story's length.
        let step = num_days.div_ceil(6).max(1);
        let x_labels = (0..num_days)
            .step_by(step)
            .map(|day| Label {
                x: round(x(day)),
                y: baseline + 16.0,
                text: first.add_days(day as i32).to_string(),
            })
            .collect();
        let y_labels = [0, max]
            .iter()
            .map(|&n| Label {
                x: LEFT - 6.0,
                y: round(y(n) + 4.0),
                text: n.to_string(),
            })
            .collect();
        let legend_rows = outlets.len().div_ceil(5) as f64;
        Some(MentionsChart {
            width: WIDTH,
            height: baseline + 30.0 + 16.0 * legend_rows,
            baseline,
            series,
            x_labels,
            y_labels,
        })
    }
}

/// One disagreement's values: a row per claim, the value along a shared axis.
#[derive(Debug, Clone, PartialEq)]
pub struct DotPlot {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Y of the value axis.
    pub baseline: f64,
    /// One dot per claim.
    pub dots: Vec<Dot>,
    /// Who said it, left of each row.
    pub row_labels: Vec<Label>,
    /// Axis labels: zero and the largest value.
    pub axis_labels: Vec<Label>,
}

/// Space for the row labels of a dot plot.
const DOT_LABEL_WIDTH: f64 = 220.0;
/// Height of one dot-plot row.
const ROW_HEIGHT: f64 = 20.0;

impl DotPlot {
    /// The plot of `claims`, values from zero to the largest.
    pub fn new(claims: &[ClaimEntry]) -> DotPlot {
        let max = claims
            .iter()
            .map(|c| c.value)
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let min = claims
            .iter()
            .map(|c| c.value)
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::min);
        let span = if max > min { max - min } else { 1.0 };
        let plot_width = WIDTH - DOT_LABEL_WIDTH - RIGHT;
        let x = |v: f64| {
            let v = if v.is_finite() { v } else { min };
            DOT_LABEL_WIDTH + plot_width * (v - min) / span
        };
        let mut dots = Vec::with_capacity(claims.len());
        let mut row_labels = Vec::with_capacity(claims.len());
        for (i, c) in claims.iter().enumerate() {
            let y = TOP + ROW_HEIGHT * i as f64 + ROW_HEIGHT / 2.0;
            let who = c
                .claimant
                .as_deref()
                .or(c.outlet.as_deref())
                .unwrap_or("unattributed");
            let outlet = c.outlet.as_deref().unwrap_or("unknown outlet");
            let date = c
                .date
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            dots.push(Dot {
                x: round(x(c.value)),
                y,
                title: format!(
                    "{}: {who} ({outlet}, {date})",
                    crate::pages::show_number(&c.value)
                ),
            });
            row_labels.push(Label {
                x: DOT_LABEL_WIDTH - 8.0,
                y: y + 4.0,
                text: format!("{who}, {date}"),
            });
        }
        let baseline = TOP + ROW_HEIGHT * claims.len() as f64 + 4.0;
        let axis_labels = [min, max]
            .iter()
            .map(|&v| Label {
                x: round(x(v)),
                y: baseline + 16.0,
                text: crate::pages::show_number(&v),
            })
            .collect();
        DotPlot {
            width: WIDTH,
            height: baseline + 24.0,
            baseline,
            dots,
            row_labels,
            axis_labels,
        }
    }
}

/// Coordinates to a tenth of a unit: finer is invisible and bloats the page.
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(outlet: &str, date: &str) -> StoryArticle {
        StoryArticle {
            index: 0,
            id: format!("{outlet}{date}"),
            outlet: Some(outlet.into()),
            title: None,
            published: Date::parse_iso(date),
            duplicate_of: None,
            syndicated: false,
        }
    }

    #[test]
    fn counts_articles_per_day_per_outlet() {
        let chart = MentionsChart::new(&[
            article("DW", "2022-01-27"),
            article("DW", "2022-01-27"),
            article("WION", "2022-01-29"),
        ])
        .expect("dated");
        assert_eq!(chart.series.len(), 2);
        let dw = &chart.series[0];
        assert_eq!(dw.name, "DW");
        assert_eq!(dw.dots.len(), 3, "one point per day of the story");
        assert_eq!(dw.dots[0].title, "DW, 2022-01-27: 2");
        assert_eq!(dw.dots[0].y, TOP, "the busiest day reaches the top");
        assert_eq!(dw.dots[2].y, TOP + PLOT_HEIGHT, "no DW article on the 29th");
        assert!(MentionsChart::new(&[]).is_none());
    }

    #[test]
    fn places_values_along_one_axis() {
        let claim = |value: f64, who: &str| ClaimEntry {
            value,
            hedge: None,
            claimant: Some(who.into()),
            outlet: Some("DW".into()),
            date: Date::parse_iso("2022-01-30"),
            article: "a".into(),
            text: String::new(),
            span: [0, 0],
        };
        let plot = DotPlot::new(&[
            claim(70000.0, "US"),
            claim(130000.0, "Kyiv"),
            claim(f64::NAN, "?"),
        ]);
        assert_eq!(plot.dots.len(), 3);
        assert!(plot.dots[0].x < plot.dots[1].x);
        assert_eq!(
            plot.dots[1].x,
            WIDTH - RIGHT,
            "the largest value at the right end"
        );
        assert_eq!(plot.row_labels[1].text, "Kyiv, 2022-01-30");
        assert_eq!(plot.axis_labels[1].text, "130,000");
    }
}
