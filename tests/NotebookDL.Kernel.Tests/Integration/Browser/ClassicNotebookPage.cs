using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>
/// A notebook opened in the classic Notebook UI, driven the way its own buttons drive it: through the page's
/// Jupyter.notebook object (execute_all_cells, insert_cell_at_bottom, kernel.interrupt). A code cell has finished
/// when its prompt shows an execution count again instead of "*".
/// </summary>
public sealed class ClassicNotebookPage(BrowserPage page)
{
    public static readonly TimeSpan KernelStart = TimeSpan.FromSeconds(90), CellRun = TimeSpan.FromSeconds(90);

    public BrowserPage Page => page;

    /// <summary>Every cell with its prompt, source and rendered output (text and which pictures/tables), the kernel's state and any open dialog.</summary>
    public const string Describe = """
        (() => {
          if (!window.Jupyter || !Jupyter.notebook) return 'no notebook UI yet; title "' + document.title + '": ' + (document.body ? document.body.innerText.slice(0, 500) : '');
          const nb = Jupyter.notebook, kernel = nb.kernel, dialog = document.querySelector('.modal.in');
          const head = 'kernel ' + (kernel ? (kernel.is_connected() ? 'connected' : 'not connected') : 'none') +
            ', indicator "' + (document.querySelector('#kernel_indicator_icon') || {}).className + '", trusted ' + nb.trusted +
            (dialog ? ', dialog: ' + dialog.innerText.replace(/\s+/g, ' ').slice(0, 300) : '');
          return head + '\n' + nb.get_cells().map((c, i) => {
            const out = c.output_area ? c.output_area.element[0] : null;
            const kinds = out ? [...out.querySelectorAll('.output_svg, .output_png, table, .output_error')].map(e => e.matches('.output_svg') ? 'svg' : e.matches('.output_png') ? 'png' : e.matches('.output_error') ? 'error' : 'table') : [];
            return 'cell ' + i + ' [' + (c.input_prompt_number ?? '') + '] ' + c.get_text().slice(0, 70).replace(/\n/g, ' ') +
              (out ? '\n    -> ' + out.innerText.slice(0, 300).replace(/\n/g, ' | ') + ' <' + kinds.join(',') + '>' : '');
          }).join('\n');
        })()
        """;

    /// <summary>Opens a notebook in this tab and waits until the UI has loaded it and, when asked, its kernel answered kernel_info.</summary>
    public async Task OpenAsync(Uri url, bool waitForKernel)
    {
        await page.NavigateAsync(url);
        await page.WaitForAsync($"load {url.AbsolutePath} in the notebook UI",
            "window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded", TimeSpan.FromSeconds(60), Describe);
        if (waitForKernel)
            await page.WaitForAsync("start the notebookdl kernel",
                "Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.info_reply.status === 'ok'",
                KernelStart, Describe);
    }

    public Task<JsonNode?> EvaluateAsync(string expression) => page.EvaluateAsync(expression);

    /// <summary>Waits until no code cell shows "*" or is still unrun; returns how long that took.</summary>
    public Task<TimeSpan> WaitForCellsAsync(string step, TimeSpan? timeout = null) =>
        page.WaitForAsync(step,
            "Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || typeof c.input_prompt_number === 'number')",
            timeout ?? CellRun, Describe);

    /// <summary>
    /// Adds a code cell at the bottom, starts it, and returns its index. With <paramref name="recordPictures"/>, every
    /// change to its output area is recorded first (see <see cref="PictureFramesAsync"/>), so a display redrawn in place can be followed.
    /// </summary>
    public async Task<int> AppendAndRunAsync(string source, bool recordPictures = false)
    {
        var index = await page.EvaluateAsync($$"""
            (() => {
              const cell = Jupyter.notebook.insert_cell_at_bottom('code');
              cell.set_text({{JsonSerializer.Serialize(source)}});
              if ({{(recordPictures ? "true" : "false")}}) {
                const out = cell.output_area.element[0], started = performance.now();
                const hash = s => { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return h; };
                window.notebookdlPictureFrames = [];
                new MutationObserver(() => {
                  const pictures = [...out.querySelectorAll('.output_svg svg, .output_png img')];
                  window.notebookdlPictureFrames.push({ milliseconds: performance.now() - started, pictures: pictures.length,
                    content: pictures.map(p => hash(p.tagName === 'IMG' ? p.src : p.outerHTML)).join(',') });
                }).observe(out, { childList: true, subtree: true, characterData: true, attributes: true });
              }
              cell.execute();
              return Jupyter.notebook.find_cell_index(cell);
            })()
            """);
        return index!.GetValue<int>();
    }

    /// <summary>Each state the recorded cell's output area passed through: when, how many pictures it held, and a hash of their content.</summary>
    public async Task<IReadOnlyList<PictureFrame>> PictureFramesAsync() =>
        (await page.EvaluateAsync("window.notebookdlPictureFrames || []")).Deserialize<PictureFrame[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    /// <summary>What a cell's output area shows: its text and how many of each kind of rendered output it holds.</summary>
    public async Task<CellView> CellAsync(int index)
    {
        var view = await page.EvaluateAsync($$"""
            (() => {
              const cell = Jupyter.notebook.get_cell({{index}}), out = cell.output_area.element[0];
              const count = selector => out.querySelectorAll(selector).length;
              return { text: out.innerText, svg: count('.output_svg svg'), png: count('.output_png img'), table: count('table'), error: count('.output_error') };
            })()
            """);
        return view.Deserialize<CellView>(new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"cell {index} could not be read");
    }

    public Task<string> DescribeAsync() => page.DescribeAsync(Describe);

    /// <summary>Fails the test, naming the step, what was expected and what the page shows, unless <paramref name="condition"/> holds.</summary>
    public async Task ExpectAsync(bool condition, string step, string expected)
    {
        if (!condition) Assert.Fail($"Step '{step}' failed: expected {expected}.\n{await DescribeAsync()}");
    }

    /// <summary>Saves what the tab shows as a PNG (into the screenshot folder the display tests use) and checks it is one of the window's size.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(NotebookDL.Display.Tests.Chromium.ScreenshotDirectory, name);
        var png = await page.ScreenshotAsync(path);
        // a PNG starts with its 8-byte signature, then the IHDR chunk: width and height, big-endian, at bytes 16 and 20
        Assert.True(png.Length > 24 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', $"{path} is not a PNG");
        Assert.Equal(HeadlessChromium.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        return path;
    }
}
