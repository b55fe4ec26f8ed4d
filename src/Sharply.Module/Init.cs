using System.Runtime.InteropServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;
using Sharply.CPython;
using Sharply.Module.Functions;
using Sharply.Module.Types;

namespace Sharply.Module;

/// <summary>The module's entry point: CPython calls <c>PyInit__sharply</c> on <c>import sharply._sharply</c>.</summary>
internal static unsafe class Init
{
    public const string ModuleName = "sharply._sharply";

    [UnmanagedCallersOnly(EntryPoint = "PyInit__sharply")]
    private static nint PyInit()
    {
        try
        {
            var module = new ModuleBuilder(ModuleName, "Sharply's compiled core (C#, NativeAOT). Use the `sharply` package.");
            Errors.Register(module);
            module.Add("_Buffer", BufferExport.CreateType(module.Handle, $"{ModuleName}._Buffer"));
            BufferExport.Freed = &LargeBuffers.Dropped;
            module.Add("GeometryArray", PyGeometryArray.CreateType(module.Handle));
            module.Add("Geometry", PyGeometry.CreateType(module.Handle));
            module.Add("_GeometryTree", PyGeometryTree.CreateType(module.Handle));
            module.Add("_bind", FunctionBinder.Create(Runtime.Bind, null, [], ModuleName));
            ParallelRange.InterruptPoll = &Gil.PollSignals;
            return module.Finish();
        }
        catch (Exception error)
        {
            Boundary.SetError(error);
            return 0;
        }
    }
}
